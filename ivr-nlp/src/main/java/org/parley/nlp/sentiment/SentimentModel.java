package org.parley.nlp.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/** A trained sentiment model. Thread-safe, like {@link org.parley.nlp.intent.IntentModel}. */
public final class SentimentModel {

    /** Where the model trained at build time from {@code sentiment.csv} is packaged. */
    public static final String DEFAULT_MODEL_RESOURCE = "org/parley/nlp/sentiment/sentiment.bin";

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;

    SentimentModel(DoccatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.categorizer = new DocumentCategorizerME(model);
    }

    public static SentimentModel read(InputStream in) throws IOException {
        return new SentimentModel(new DoccatModel(in));
    }

    /** The model shipped in this module, trained at build time. */
    public static SentimentModel defaultModel() throws IOException {
        try (InputStream in = SentimentModel.class.getClassLoader().getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IOException(DEFAULT_MODEL_RESOURCE + " is not on the class path; build ivr-nlp with ./mvnw, which trains it");
            }
            return read(in);
        }
    }

    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** A value stored in the model's manifest ({@code parley.*}), or null. */
    public String info(String key) {
        return model.getManifestProperty(key);
    }

    /** Scores one turn; no words is neutral. */
    public SentimentScore score(String text) {
        String[] features = SentimentFeatures.of(text == null ? "" : text);
        if (features.length == 0) {
            return SentimentScore.NEUTRAL;
        }
        double[] p = categorizer.categorize(features);
        return new SentimentScore(categorizer.getBestCategory(p), probability(p, "positive") - probability(p, "negative"));
    }

    private double probability(double[] p, String label) {
        int index = categorizer.getIndex(label);
        return index < 0 ? 0 : p[index];
    }
}
