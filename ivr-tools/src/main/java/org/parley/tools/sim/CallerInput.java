package org.parley.tools.sim;

/** What the simulated caller does when the IVR asks something. */
public sealed interface CallerInput {

    /**
     * Speaks: streams this audio (8 kHz 16-bit mono PCM) when the IVR listens over AudioSocket (or
     * records with RECORD FILE); optionally presses {@code digit} after {@code digitAfterMs} of it, or
     * hangs up after {@code hangUpAfterMs} of it (negative: never).
     */
    record Audio(byte[] pcm, boolean realTime, char digit, int digitAfterMs, int hangUpAfterMs) implements CallerInput {
    }

    /** Says words as text; the IVR reads them from the channel variable {@code PARLEY_UTTERANCE}. */
    record Speech(String text) implements CallerInput {
    }

    /** Presses keys, returned to {@code GET DATA}. */
    record Keys(String digits) implements CallerInput {
    }

    /** Says nothing: {@code GET DATA} times out, {@code PARLEY_UTTERANCE} is unset, AudioSocket carries silence. */
    record Silence() implements CallerInput {
    }

    /** Hangs up while the question is being asked. */
    record HangUp() implements CallerInput {
    }
}
