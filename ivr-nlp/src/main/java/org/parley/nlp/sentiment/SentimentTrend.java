package org.parley.nlp.sentiment;

import java.util.List;

/**
 * How the caller's mood moves over a call: the average score so far and the trend, the least-squares
 * slope of score per turn (negative: getting angrier). One turn has no trend (0).
 */
public record SentimentTrend(double average, double trend, int turns) {

    public static SentimentTrend of(List<Double> scores) {
        int n = scores.size();
        if (n == 0) {
            return new SentimentTrend(0, 0, 0);
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (n == 1) {
            return new SentimentTrend(mean, 0, 1);
        }
        double xMean = (n - 1) / 2.0;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - xMean) * (scores.get(i) - mean);
            den += (i - xMean) * (i - xMean);
        }
        return new SentimentTrend(mean, num / den, n);
    }
}
