package org.parley.nlp.intent;

/**
 * One labelled example: what a caller said and its label — the intent they wanted in intent data, the
 * sentiment (negative, neutral, positive) in sentiment data; {@code line} is where it came from.
 */
public record TrainingExample(String text, String label, int line) {
}
