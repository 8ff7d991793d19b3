package org.parley.camel.dialog;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.nlp.audio.Wav;

/**
 * The prompts Parley can play itself, over AudioSocket, so that a caller who starts speaking stops
 * the prompt (barge-in): WAV files (16-bit mono at the AudioSocket rate) in
 * {@code parley.speech.prompt-audio-dir}, named as the Asterisk sound file ({@code parley/greeting} is
 * {@code <dir>/parley/greeting.wav} or {@code <dir>/greeting.wav}). Prompts without a file there are
 * played by Asterisk, where only a key stops them. Loaded on first use and kept. Thread-safe.
 */
public final class PromptAudio {

    private static final System.Logger LOG = System.getLogger(PromptAudio.class.getName());
    private static final byte[] NONE = new byte[0];

    private final Path directory;
    private final int sampleRate;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** {@code directory} null: Parley plays no prompts itself. */
    public PromptAudio(Path directory, int sampleRate) {
        this.directory = directory;
        this.sampleRate = sampleRate;
    }

    public static PromptAudio none() {
        return new PromptAudio(null, 8000);
    }

    /** The prompt's PCM, when Parley has it at the right rate. */
    public Optional<byte[]> find(String soundFile) {
        if (directory == null || soundFile == null || soundFile.isBlank()) {
            return Optional.empty();
        }
        byte[] pcm = loaded.computeIfAbsent(soundFile, this::load);
        return pcm.length == 0 ? Optional.empty() : Optional.of(pcm);
    }

    private byte[] load(String soundFile) {
        String name = soundFile.substring(soundFile.lastIndexOf('/') + 1);
        for (Path candidate : new Path[] {directory.resolve(soundFile + ".wav"), directory.resolve(name + ".wav")}) {
            if (Files.isRegularFile(candidate)) {
                try {
                    Wav wav = Wav.read(candidate);
                    if (wav.sampleRate() != sampleRate) {
                        LOG.log(Level.WARNING, "prompt {0} is {1} Hz but AudioSocket carries {2} Hz; Asterisk plays it instead"
                                + " (convert with: sox {0} -r {2} -b 16 -c 1 out.wav)", candidate, wav.sampleRate(), sampleRate);
                        return NONE;
                    }
                    return wav.pcm();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "prompt {0} cannot be read ({1}); Asterisk plays it instead", candidate, e.getMessage());
                    return NONE;
                }
            }
        }
        return NONE;
    }
}
