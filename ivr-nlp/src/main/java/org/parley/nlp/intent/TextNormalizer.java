package org.parley.nlp.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a caller said into the tokens the classifier sees: lower case, apostrophes dropped
 * ("can't" → "cant", so transcripts with and without them agree), everything else that is not a
 * letter or digit splits words.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String[] tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (c == '\'' || c == '\u2019') {
                continue;
            } else if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens.toArray(String[]::new);
    }
}
