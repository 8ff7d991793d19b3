package org.parley.rules.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a regular expression in a rule runs in bounded time on any text a caller can produce. Java's
 * regex engine backtracks, and one pattern such as {@code (a+)+b} takes minutes on thirty characters; the
 * decision's deadline cannot stop it, because it is checked between firings and a match is one step. So
 * rules may use only patterns whose worst case is polynomial and small: no quantified group that itself
 * contains a quantifier or an alternation (the shapes that backtrack exponentially), no back-references,
 * at most {@value #MAX_UNBOUNDED} unbounded quantifiers ({@code * + {n,}}, each one more power of the
 * text's length), at most {@value #MAX_LENGTH} characters.
 *
 * <p>Written here because the JDK has no such check and a linear-time engine (RE2/J) would not help: the
 * patterns still run on {@code java.util.regex} inside Drools. The pattern is read token by token
 * (escapes, character classes, groups, quantifiers) — its structure, not a text match.
 */
final class RegexCheck {

    static final int MAX_UNBOUNDED = 2;
    static final int MAX_LENGTH = 200;
    /** A bounded repeat {n,m} above this counts as unbounded. */
    private static final int MAX_BOUNDED = 20;

    private RegexCheck() {
    }

    /** What is wrong with {@code regex} for a rule, or null when it is safe. */
    static String problem(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return "a regular expression longer than " + MAX_LENGTH + " characters";
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return "a regular expression that does not compile: " + e.getDescription() + " at index " + e.getIndex();
        }
        /** Per open group: whether it holds a quantifier or an alternation. */
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[] {false});
        boolean lastWasGroup = false;
        boolean lastGroupRisky = false;
        int unbounded = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean group = false;
            boolean groupRisky = false;
            switch (c) {
                case '\\' -> {
                    char next = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
                    if ((next >= '1' && next <= '9') || next == 'k') {
                        return "a back-reference (\\" + next + ") in a regular expression; rules may not use them (they can take exponential time)";
                    }
                    if (next == 'Q') {
                        int end = regex.indexOf("\\E", i + 2);
                        i = end < 0 ? regex.length() : end + 1;
                    } else {
                        i++;
                    }
                }
                case '[' -> i = endOfClass(regex, i);
                case '(' -> {
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                        // (?:  (?=  (?!  (?<=  (?<!  (?>  (?<name>  or inline flags (?i) / (?i:
                        int j = i + 2;
                        if (j + 1 < regex.length() && regex.charAt(j) == '<' && regex.charAt(j + 1) != '=' && regex.charAt(j + 1) != '!') {
                            j = regex.indexOf('>', j);
                        } else {
                            while (j < regex.length() && ":=!>)<".indexOf(regex.charAt(j)) < 0) {
                                j++;
                            }
                            if (j < regex.length() && regex.charAt(j) == '<') {
                                j++;
                            }
                        }
                        if (j < regex.length() && regex.charAt(j) == ')') {
                            i = j; // flags only: no group
                            lastWasGroup = false;
                            continue;
                        }
                        i = j;
                    }
                    groups.push(new boolean[] {false});
                }
                case ')' -> {
                    groupRisky = groups.size() > 1 && groups.pop()[0];
                    group = true;
                }
                case '|' -> groups.peek()[0] = true;
                case '*', '+', '?', '{' -> {
                    int end = i;
                    boolean unboundedHere = c == '*' || c == '+';
                    boolean repeats = c != '?';
                    if (c == '{') {
                        end = regex.indexOf('}', i);
                        String[] bounds = regex.substring(i + 1, end).split(",", -1);
                        int max = bounds.length == 1 ? Integer.parseInt(bounds[0].strip())
                                : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
                        unboundedHere = max > MAX_BOUNDED;
                        repeats = max > 1;
                    }
                    if (repeats && lastWasGroup && lastGroupRisky) {
                        return "a repeated group that itself repeats or has alternatives (like (a+)+ or (a|ab)*) in a regular expression;"
                                + " such patterns can take exponential time — write the group once, or match its parts with separate patterns";
                    }
                    if (unboundedHere && ++unbounded > MAX_UNBOUNDED) {
                        return "more than " + MAX_UNBOUNDED + " unbounded repeats (*, +, {n,}) in one regular expression; each multiplies"
                                + " the time by the text's length — split it into simpler patterns";
                    }
                    if (c != '?' || repeats) {
                        groups.peek()[0] |= repeats;
                    }
                    i = end;
                    if (i + 1 < regex.length() && (regex.charAt(i + 1) == '?' || regex.charAt(i + 1) == '+')) {
                        i++; // lazy or possessive: the same repeat
                    }
                    lastWasGroup = false;
                    continue;
                }
                default -> {
                }
            }
            if (group) {
                groups.peek()[0] |= groupRisky;
            }
            lastWasGroup = group;
            lastGroupRisky = groupRisky;
        }
        return null;
    }

    /** The index of the ']' closing the class opened at {@code start} (classes nest; escapes and a leading ']' are literal). */
    private static int endOfClass(String regex, int start) {
        int depth = 0;
        int i = start;
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return i;
    }
}
