package org.parley.rules.fact;

import java.util.Objects;

/** The language model's best guess at what the caller wants, with its confidence in [0, 1]. */
public final class IntentMatch {

    private final String intent;
    private final double confidence;

    public IntentMatch(String intent, double confidence) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.confidence = confidence;
    }

    public String getIntent() {
        return intent;
    }

    public double getConfidence() {
        return confidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntentMatch other && intent.equals(other.intent) && confidence == other.confidence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(intent, confidence);
    }

    @Override
    public String toString() {
        return "IntentMatch{intent=" + intent + ", confidence=" + String.format(java.util.Locale.ROOT, "%.3f", confidence) + "}";
    }
}
