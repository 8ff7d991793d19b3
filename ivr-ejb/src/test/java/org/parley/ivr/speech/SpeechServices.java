package org.parley.ivr.speech;

/** Speech as a server with {@code parley.speech.transport=none} has it, for tests in other packages. */
public final class SpeechServices {

    private SpeechServices() {
    }

    /** No listening: callers answer with keys (or words given as text). */
    public static SpeechService off() {
        SpeechService speech = new SpeechService();
        speech.transport = "none";
        return speech;
    }
}
