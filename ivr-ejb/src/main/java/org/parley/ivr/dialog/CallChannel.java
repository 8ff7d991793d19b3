package org.parley.ivr.dialog;

import java.util.Optional;

/**
 * A live call the dialog controls. Implementations carry each operation out on Asterisk (FastAGI in
 * camel-routes) and must throw {@link CallerHungUpException} as soon as the caller is gone. One
 * instance belongs to one call and is used by one thread at a time.
 */
public interface CallChannel {

    CallInfo info();

    void answer();

    /** Plays a sound file (Asterisk path without extension). */
    void play(String soundFile);

    /**
     * Plays a prompt and collects keypad digits; returns "" when none were pressed before the timeout.
     */
    String collectDigits(String promptFile, int timeoutMillis, int maxDigits);

    /** True when this channel can carry the caller's voice to Parley ({@link #listen}). */
    default boolean canListen() {
        return false;
    }

    /**
     * True when this channel plays the prompt itself while listening ({@link #listen(String)}), so that
     * the caller's speech stops it; otherwise the prompt is played first ({@link #collectDigits}), where
     * only a key stops it.
     */
    default boolean playsWhileListening(String soundFile) {
        return false;
    }

    /**
     * Listens for one utterance, playing {@code soundFile} meanwhile when {@link #playsWhileListening}
     * (null: the prompt has been played): returns its audio, or a key pressed while listening, or no
     * input. Throws {@link CallerHungUpException} when the caller hangs up meanwhile.
     */
    default Listened listen(String soundFile) {
        return Listened.failed("this channel cannot carry speech");
    }

    /** A channel variable, empty when unset. */
    Optional<String> variable(String name);

    void setVariable(String name, String value);

    void hangup();
}
