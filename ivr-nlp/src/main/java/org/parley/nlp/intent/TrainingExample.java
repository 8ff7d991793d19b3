package org.parley.nlp.intent;

/** One labelled example: what a caller said and what they wanted; {@code line} is where it came from. */
public record TrainingExample(String text, String intent, int line) {
}
