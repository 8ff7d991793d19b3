package org.parley.nlp.intent;

/**
 * How an intent model is trained: the OpenNLP algorithm and its settings, the features, and the
 * share of each intent's examples held out to choose the out-of-scope threshold.
 *
 * @param algorithm        OpenNLP trainer: MAXENT_QN (L-BFGS logistic regression), MAXENT (GIS), PERCEPTRON, NAIVEBAYES
 * @param iterations       training iterations
 * @param cutoff           features seen fewer times are dropped
 * @param l2Cost           L2 regularisation (MAXENT_QN only)
 * @param validationShare  share of each intent's examples held out for the threshold, 0 to skip
 * @param ambiguityMargin  top-2 probabilities closer than this are reported as ambiguous
 * @param seed             for the held-out split, so training is repeatable
 */
public record TrainerSettings(String algorithm, int iterations, int cutoff, double l2Cost, FeatureSettings features,
                              double validationShare, double ambiguityMargin, long seed) {

    /** Chosen on a validation split of banking77's training file; see the ivr-nlp README. */
    public static final TrainerSettings DEFAULT =
            new TrainerSettings("MAXENT_QN", 100, 1, 0.5, FeatureSettings.DEFAULT, 0.1, 0.1, 77L);

    public TrainerSettings withFeatures(FeatureSettings f) {
        return new TrainerSettings(algorithm, iterations, cutoff, l2Cost, f, validationShare, ambiguityMargin, seed);
    }

    public TrainerSettings withAlgorithm(String a, int iter, double l2) {
        return new TrainerSettings(a, iter, cutoff, l2, features, validationShare, ambiguityMargin, seed);
    }

    public TrainerSettings withValidationShare(double share) {
        return new TrainerSettings(algorithm, iterations, cutoff, l2Cost, features, share, ambiguityMargin, seed);
    }
}
