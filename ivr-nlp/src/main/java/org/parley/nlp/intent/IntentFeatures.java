package org.parley.nlp.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns an utterance into the feature strings the maximum-entropy model is trained on. */
public final class IntentFeatures {

    private IntentFeatures() {
    }

    public static String[] of(String text, FeatureSettings settings) {
        List<String> tokens = Arrays.asList(TextNormalizer.tokens(text));
        if (settings.spokenNumbers()) {
            tokens = SpokenNumbers.normalise(tokens);
        }
        List<String> features = new ArrayList<>(tokens.size() * 8);
        for (int n = 1; n <= settings.wordNgrams(); n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                features.add("w" + n + "=" + String.join("_", tokens.subList(i, i + n)));
            }
        }
        if (settings.charMax() > 0) {
            if (settings.charAcrossWords()) {
                addCharGrams("<" + String.join(" ", tokens) + ">", settings, features);
            } else {
                for (String token : tokens) {
                    addCharGrams("<" + token + ">", settings, features);
                }
            }
        }
        return features.toArray(String[]::new);
    }

    private static void addCharGrams(String padded, FeatureSettings settings, List<String> features) {
        for (int n = settings.charMin(); n <= settings.charMax(); n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                features.add("c=" + padded.substring(i, i + n));
            }
        }
    }
}
