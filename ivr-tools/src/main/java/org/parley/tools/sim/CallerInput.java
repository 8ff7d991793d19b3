package org.parley.tools.sim;

/** What the simulated caller does when the IVR asks something. */
public sealed interface CallerInput {

    /** Says words; the IVR reads them from the channel variable {@code PARLEY_UTTERANCE}. */
    record Speech(String text) implements CallerInput {
    }

    /** Presses keys, returned to {@code GET DATA}. */
    record Keys(String digits) implements CallerInput {
    }

    /** Says nothing: {@code GET DATA} times out and {@code PARLEY_UTTERANCE} is unset. */
    record Silence() implements CallerInput {
    }

    /** Hangs up while the question is being asked. */
    record HangUp() implements CallerInput {
    }
}
