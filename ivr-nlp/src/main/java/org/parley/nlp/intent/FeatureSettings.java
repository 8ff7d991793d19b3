package org.parley.nlp.intent;

import java.util.HashMap;
import java.util.Map;

/**
 * What the classifier looks at: word n-grams up to {@code wordNgrams}, character n-grams of
 * {@code charMin}..{@code charMax} (0 = none) inside words or, with {@code charAcrossWords}, across
 * the whole normalised utterance, and whether spoken numbers become digits. Stored in the model so
 * classification uses exactly what training used.
 */
public record FeatureSettings(int wordNgrams, int charMin, int charMax, boolean charAcrossWords, boolean spokenNumbers) {

    /** Chosen on a validation split of banking77's training file; see the ivr-nlp README. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 3, 5, false, true);

    public FeatureSettings {
        if (wordNgrams < 1 || wordNgrams > 3) {
            throw new IllegalArgumentException("wordNgrams must be 1..3, got " + wordNgrams);
        }
        if (charMin < 0 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("char n-grams must satisfy 0 <= charMin <= charMax <= 8, got " + charMin + ".." + charMax);
        }
    }

    Map<String, String> toManifest() {
        Map<String, String> m = new HashMap<>();
        m.put("parley.features.wordNgrams", Integer.toString(wordNgrams));
        m.put("parley.features.charMin", Integer.toString(charMin));
        m.put("parley.features.charMax", Integer.toString(charMax));
        m.put("parley.features.charAcrossWords", Boolean.toString(charAcrossWords));
        m.put("parley.features.spokenNumbers", Boolean.toString(spokenNumbers));
        return m;
    }

    static FeatureSettings fromManifest(java.util.function.Function<String, String> manifest) {
        String words = manifest.apply("parley.features.wordNgrams");
        if (words == null) {
            // models written before feature settings were stored: unigrams + bigrams of words
            return new FeatureSettings(2, 0, 0, false, false);
        }
        return new FeatureSettings(Integer.parseInt(words), Integer.parseInt(manifest.apply("parley.features.charMin")),
                Integer.parseInt(manifest.apply("parley.features.charMax")),
                Boolean.parseBoolean(manifest.apply("parley.features.charAcrossWords")),
                Boolean.parseBoolean(manifest.apply("parley.features.spokenNumbers")));
    }
}
