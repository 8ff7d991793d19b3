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

    @Override
    void close();
}
