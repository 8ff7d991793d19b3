package org.parley.nlp.intent;

/** A training file that cannot be used, with the file and line that are wrong and how to fix them. */
public class TrainingDataException extends Exception {

    public TrainingDataException(String message) {
        super(message);
    }
}
