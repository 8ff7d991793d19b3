package org.parley.nlp.speech;

/**
 * What a recogniser heard in one utterance: the words (lower case, no fillers; empty when nothing was
 * recognised), a confidence between 0 and 1, how long the audio was and how long decoding took.
 */
public record Transcript(String text, double confidence, long audioMillis, long decodeMillis) {

    public static Transcript nothing(long audioMillis, long decodeMillis) {
        return new Transcript("", 0, audioMillis, decodeMillis);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Decoding time over audio time: below 1 is faster than the caller speaks. */
    public double realTimeFactor() {
        return audioMillis == 0 ? 0 : (double) decodeMillis / audioMillis;
    }
}
