package org.parley.nlp.intent;

import java.util.List;

/** The classifier's answer: the best intent, its probability, and the best few alternatives. */
public record IntentPrediction(String intent, double confidence, List<Scored> ranked) {

    /** One intent and its probability. */
    public record Scored(String intent, double probability) {
    }

    public IntentPrediction {
        ranked = List.copyOf(ranked);
    }
}
