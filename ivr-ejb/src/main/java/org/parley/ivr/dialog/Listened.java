package org.parley.ivr.dialog;

/**
 * What one listen on the call brought: an utterance's audio for the recogniser (16-bit little-endian
 * mono PCM at {@code sampleRate}), a key pressed while listening, or nothing. A caller who hangs up
 * while listened to is not a result: the channel throws {@link CallerHungUpException}.
 *
 * @param detail for the log: why the listen ended when it did not end with speech
 * @param live   for speech: the recognition that ran while the caller spoke, to be finished; null when
 *               the audio is to be recognised whole
 */
public record Listened(Kind kind, byte[] audio, int sampleRate, String digits, long heardMillis, String detail,
                       org.parley.nlp.speech.SpeechRecognizer.Stream live) {

    public enum Kind {
        /** The caller spoke; {@code audio} holds the endpointed utterance. */
        SPEECH,
        /** The caller pressed a key, which ended listening. */
        DIGITS,
        /** Nothing was said before the no-input timeout. */
        NO_INPUT,
        /** The transport failed (Asterisk never connected, a malformed stream); {@code detail} says why. */
        FAILED
    }

    public static Listened speech(byte[] audio, int sampleRate, long heardMillis) {
        return speech(audio, sampleRate, heardMillis, null);
    }

    public static Listened speech(byte[] audio, int sampleRate, long heardMillis, org.parley.nlp.speech.SpeechRecognizer.Stream live) {
        return new Listened(Kind.SPEECH, audio, sampleRate, "", heardMillis, "", live);
    }

    public static Listened digits(String digits) {
        return new Listened(Kind.DIGITS, new byte[0], 0, digits, 0, "", null);
    }

    public static Listened noInput(long heardMillis) {
        return new Listened(Kind.NO_INPUT, new byte[0], 0, "", heardMillis, "", null);
    }

    public static Listened failed(String detail) {
        return new Listened(Kind.FAILED, new byte[0], 0, "", 0, detail, null);
    }
}
