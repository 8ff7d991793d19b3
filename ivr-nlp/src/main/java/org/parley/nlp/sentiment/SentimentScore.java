package org.parley.nlp.sentiment;

/**
 * One turn's sentiment: {@code negative}, {@code neutral} or {@code positive}, and a score in
 * [-1, 1] (probability of positive minus probability of negative).
 */
public record SentimentScore(String label, double score) {

    public static final SentimentScore NEUTRAL = new SentimentScore("neutral", 0.0);
}
