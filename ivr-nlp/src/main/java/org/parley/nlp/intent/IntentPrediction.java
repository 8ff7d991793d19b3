package org.parley.nlp.intent;

import java.util.List;

/**
 * The classifier's answer: the intent ({@code out_of_scope} when the best guess is below the
 * model's threshold), the best guess's probability, the best few alternatives, and whether the top
 * two were too close to call.
 */
public record IntentPrediction(String intent, double confidence, List<Scored> ranked, boolean ambiguous) {

    /** One intent and its probability. */
    public record Scored(String intent, double probability) {
    }

    public IntentPrediction {
        ranked = List.copyOf(ranked);
    }
}
