package org.parley.nlp.speech;

/**
 * Turns one endpointed utterance into text. Implementations are thread-safe: many calls recognise at
 * once, sharing one loaded model.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /**
     * Recognises signed 16-bit little-endian mono PCM at {@code sampleRate} (8000 for telephone audio,
     * 16000 for wideband); audio at other rates than the model's is resampled.
     */
    Transcript recognize(byte[] pcm, int sampleRate);

    /** The language model the recogniser was built with (its words, the phrases' words it could not use). */
    DomainLanguageModel languageModel();

    /** The engine's name, for logs and health. */
    String engine();

    /**
     * Starts recognising an utterance while it is being spoken, so that little is left to decode when
     * the caller stops. Returns empty when no decoder is free right now: the caller's audio is then
     * recognised whole with {@link #recognize} once the utterance is over.
     */
    default java.util.Optional<Stream> start(int sampleRate) {
        return java.util.Optional.empty();
    }

    /** An utterance being recognised as it arrives. Fed by one thread; finished or cancelled exactly once. */
    interface Stream {

        /** The next piece of audio (16-bit little-endian mono PCM at the rate the stream was started with). */
        void feed(byte[] pcm, int offset, int length);

        /** The utterance is over: waits for the decoder to finish and returns what it heard. */
        Transcript finish();

        /** The utterance is abandoned (a key, a hang-up): the decoder is freed, nothing is returned. */
        void cancel();
    }

    @Override
    void close();
}
