package org.parley.nlp.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites numbers as a recogniser spells them into digits, on lower-case tokens:
 * "four five six" → "456" (digit by digit, as callers read account numbers), "two hundred and
 * fifty" → "250", "twenty one" → "21". Other tokens pass through unchanged.
 */
public final class SpokenNumbers {

    private static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("nought", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS_AND_TENS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1000, "million", 1_000_000);

    private SpokenNumbers() {
    }

    public static List<String> normalise(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int end = runEnd(tokens, i);
            if (end == i) {
                out.add(tokens.get(i));
                i++;
                continue;
            }
            out.add(value(tokens.subList(i, end)));
            i = end;
        }
        return out;
    }

    private static boolean isNumberWord(String t) {
        return DIGITS.containsKey(t) || TEENS_AND_TENS.containsKey(t) || SCALES.containsKey(t);
    }

    /** End (exclusive) of the run of number words starting at {@code start}; "and" may join them. */
    private static int runEnd(List<String> tokens, int start) {
        // "one" and "oh" alone are usually words ("the one I have", "oh no"), not numbers
        int end = start;
        while (end < tokens.size()) {
            String t = tokens.get(end);
            if (isNumberWord(t)) {
                end++;
            } else if (t.equals("and") && end > start && SCALES.containsKey(tokens.get(end - 1))
                    && end + 1 < tokens.size() && isNumberWord(tokens.get(end + 1))) {
                // "two hundred and fifty"
                end++;
            } else {
                break;
            }
        }
        if (end - start == 1 && (tokens.get(start).equals("one") || tokens.get(start).equals("oh"))) {
            return start;
        }
        return end;
    }

    private static String value(List<String> run) {
        boolean digitByDigit = run.size() > 1 && run.stream().allMatch(DIGITS::containsKey);
        if (digitByDigit) {
            StringBuilder digits = new StringBuilder();
            run.forEach(t -> digits.append(DIGITS.get(t)));
            return digits.toString();
        }
        long total = 0;
        long current = 0;
        for (String t : run) {
            if (DIGITS.containsKey(t)) {
                current += DIGITS.get(t);
            } else if (TEENS_AND_TENS.containsKey(t)) {
                current += TEENS_AND_TENS.get(t);
            } else if (t.equals("hundred")) {
                current = Math.max(current, 1) * 100;
            } else if (SCALES.containsKey(t)) {
                total += Math.max(current, 1) * SCALES.get(t);
                current = 0;
            }
        }
        return Long.toString(total + current);
    }
}
