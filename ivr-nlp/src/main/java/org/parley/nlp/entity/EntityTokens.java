package org.parley.nlp.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.nlp.intent.SpokenNumbers;

/**
 * Tokens for entity extraction: lower-case words, currency symbols, and numbers (spoken ones
 * turned into digits, digit groups read with pauses — "555 1234" — joined).
 */
final class EntityTokens {

    private static final Pattern TOKEN = Pattern.compile(
            "[$£€]|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)\\b|\\d+(?:[.,]\\d+)*|[a-z]+(?:'[a-z]+)?");

    private EntityTokens() {
    }

    static List<String> of(String text) {
        List<String> raw = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (m.find()) {
            raw.add(m.group());
        }
        // Digit groups read with pauses ("4111 1111 1111 1111") are one number; join them before
        // spoken numbers become digits, so "ending 4321 two hundred dollars" stays two numbers.
        List<String> joined = new ArrayList<>(raw.size());
        for (String token : raw) {
            int last = joined.size() - 1;
            if (last >= 0 && isDigits(token) && isDigits(joined.get(last)) && token.length() >= 2 && joined.get(last).length() >= 2) {
                joined.set(last, joined.get(last) + token);
            } else {
                joined.add(token);
            }
        }
        joined = SpokenNumbers.normalise(joined);
        return joined;
    }

    static boolean isDigits(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}
