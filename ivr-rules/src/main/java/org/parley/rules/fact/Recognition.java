package org.parley.rules.fact;

/**
 * How sure the speech recogniser is of what it heard this turn: only for spoken turns (typed words
 * and keys have none). {@code confidence} is calibrated per engine to the chance that the transcript
 * is right, so one threshold in the rules means the same whichever engine runs.
 */
public final class Recognition {

    private final double confidence;

    public Recognition(double confidence) {
        this.confidence = confidence;
    }

    public double getConfidence() {
        return confidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recognition other && Double.compare(confidence, other.confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(confidence);
    }

    @Override
    public String toString() {
        return "Recognition{confidence=" + confidence + "}";
    }
}
