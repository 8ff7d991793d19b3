package org.parley.rules.fact;

import java.util.Locale;
import java.util.Objects;

/**
 * How the caller sounds: this turn's label ({@code negative}, {@code neutral}, {@code positive})
 * and score in [-1, 1], the call's average so far and its trend (score change per turn; negative
 * means getting angrier).
 */
public final class Sentiment {

    private final String label;
    private final double score;
    private final double callAverage;
    private final double trend;

    public Sentiment(String label, double score, double callAverage, double trend) {
        this.label = Objects.requireNonNull(label, "label");
        this.score = score;
        this.callAverage = callAverage;
        this.trend = trend;
    }

    public String getLabel() {
        return label;
    }

    public double getScore() {
        return score;
    }

    public double getCallAverage() {
        return callAverage;
    }

    public double getTrend() {
        return trend;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sentiment other && label.equals(other.label) && score == other.score
                && callAverage == other.callAverage && trend == other.trend;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, score, callAverage, trend);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Sentiment{label=%s, score=%.2f, callAverage=%.2f, trend=%.2f}", label, score, callAverage, trend);
    }
}
