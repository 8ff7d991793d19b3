package org.parley.nlp.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * A trained intent model: the OpenNLP document categoriser plus what Parley stores beside it in the
 * model's manifest — the feature settings, the out-of-scope threshold chosen on held-out data, the
 * ambiguity margin, the training settings and a hash of the training data. Thread-safe: OpenNLP's
 * categoriser holds only the immutable model and stateless feature generators.
 */
public final class IntentModel {

    /** Where the model trained at build time from {@code default-intents.csv} is packaged. */
    public static final String DEFAULT_MODEL_RESOURCE = "org/parley/nlp/intent/default-intents.bin";

    /** The intent reported when the caller said something the model does not cover. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    /** Labels of training data that mean "not one of ours". */
    public static final Set<String> OUT_OF_SCOPE_LABELS = Set.of(OUT_OF_SCOPE, "oos");

    static final String THRESHOLD = "parley.threshold";
    static final String AMBIGUITY = "parley.ambiguityMargin";

    private static final int RANKED = 3;

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;
    private final FeatureSettings features;
    private final double threshold;
    private final double ambiguityMargin;

    IntentModel(DoccatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.categorizer = new DocumentCategorizerME(model);
        this.features = FeatureSettings.fromManifest(model::getManifestProperty);
        this.threshold = parse(model.getManifestProperty(THRESHOLD), 0.0);
        this.ambiguityMargin = parse(model.getManifestProperty(AMBIGUITY), 0.0);
    }

    private static double parse(String value, double fallback) {
        return value == null ? fallback : Double.parseDouble(value);
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

    /** A value Parley stored in the model's manifest ({@code parley.*}), or null. */
    public String info(String key) {
        return model.getManifestProperty(key);
    }

    /** Confidence below which a prediction is {@link #OUT_OF_SCOPE}. */
    public double threshold() {
        return threshold;
    }

    public FeatureSettings features() {
        return features;
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
        String[] feats = IntentFeatures.of(text == null ? "" : text, features);
        if (feats.length == 0) {
            return new IntentPrediction("", 0.0, List.of(), false);
        }
        double[] probabilities = categorizer.categorize(feats);
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        List<IntentPrediction.Scored> ranked = new ArrayList<>(RANKED);
        for (int i = 0; i < Math.min(RANKED, order.length); i++) {
            ranked.add(new IntentPrediction.Scored(categorizer.getCategory(order[i]), probabilities[order[i]]));
        }
        IntentPrediction.Scored best = ranked.get(0);
        boolean ambiguous = ranked.size() > 1 && best.probability() - ranked.get(1).probability() < ambiguityMargin;
        String intent = best.probability() < threshold || OUT_OF_SCOPE_LABELS.contains(best.intent().toLowerCase(Locale.ROOT))
                ? OUT_OF_SCOPE : best.intent();
        return new IntentPrediction(intent, best.probability(), ranked, ambiguous);
    }
}
