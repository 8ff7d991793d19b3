package org.parley.nlp.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * A trained intent model and the classifier that uses it. Thread-safe: OpenNLP's categoriser holds
 * only the immutable model and stateless feature generators, so one instance serves every call.
 */
public final class IntentModel {

    /** Where the model trained at build time from {@code default-intents.csv} is packaged. */
    public static final String DEFAULT_MODEL_RESOURCE = "org/parley/nlp/intent/default-intents.bin";

    private static final int RANKED = 3;

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;

    public IntentModel(DoccatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.categorizer = new DocumentCategorizerME(model);
    }

    /** Reads a model written by {@link #write}. */
    public static IntentModel read(InputStream in) throws IOException {
        return new IntentModel(new DoccatModel(in));
    }

    /** The model shipped in this module, trained at build time. */
    public static IntentModel defaultModel() throws IOException {
        try (InputStream in = IntentModel.class.getClassLoader().getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IOException(DEFAULT_MODEL_RESOURCE + " is not on the class path; build ivr-nlp with ./mvnw, which trains it");
            }
            return read(in);
        }
    }

    public void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** The intents this model knows, sorted. */
    public List<String> intents() {
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            intents.add(categorizer.getCategory(i));
        }
        intents.sort(Comparator.naturalOrder());
        return intents;
    }

    /** Classifies one utterance. Empty text gets the empty intent with confidence 0. */
    public IntentPrediction classify(String text) {
        String[] tokens = TextNormalizer.tokens(text == null ? "" : text);
        if (tokens.length == 0) {
            return new IntentPrediction("", 0.0, List.of());
        }
        double[] probabilities = categorizer.categorize(tokens);
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        List<IntentPrediction.Scored> ranked = new ArrayList<>(RANKED);
        for (int i = 0; i < Math.min(RANKED, order.length); i++) {
            ranked.add(new IntentPrediction.Scored(categorizer.getCategory(order[i]), probabilities[order[i]]));
        }
        return new IntentPrediction(ranked.get(0).intent(), ranked.get(0).probability(), ranked);
    }
}
