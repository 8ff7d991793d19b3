package org.parley.nlp.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.nlp.audio.Wav;

/** The real recogniser on the committed test callers (flite voices; see src/test/audio). */
class SphinxRecognizerTest {

    private static final Path AUDIO = Path.of("src/test/audio");
    private static SphinxRecognizer asr;

    @BeforeAll
    static void load() throws Exception {
        asr = SphinxRecognizer.forPhrases(SphinxRecognizer.defaultPhrases(), SphinxSettings.defaults().withDecoders(2));
    }

    @AfterAll
    static void close() {
        asr.close();
    }

    private static Wav wav(String band, String id) throws Exception {
        return Wav.read(AUDIO.resolve(band).resolve(id + ".wav"));
    }

    @Test
    void hearsAWidebandCaller() throws Exception {
        Wav w = wav("wideband", "u01"); // rms: "i lost my credit card"
        Transcript t = asr.recognize(w.pcm(), w.sampleRate());

        assertThat(t.text()).isEqualTo("i lost my credit card");
        assertThat(t.confidence()).isBetween(0.0, 1.0);
        assertThat(t.audioMillis()).isEqualTo(w.millis());
    }

    @Test
    void hearsATelephoneCallerThroughTheResampler() throws Exception {
        Wav w = wav("narrowband", "u01");
        assertThat(w.sampleRate()).isEqualTo(8000);

        Transcript t = asr.recognize(w.pcm(), w.sampleRate());

        assertThat(t.text()).contains("lost").contains("card");
        assertThat(t.audioMillis()).as("measured at the model's rate").isEqualTo(w.millis());
    }

    @Test
    void silenceIsNoWords() {
        Transcript t = asr.recognize(new byte[16_000 * 2], 16_000);
        assertThat(t.text()).isEmpty();
        assertThat(t.confidence()).isZero();
    }

    @Test
    void manyCallsAtOnceShareTheDecodersAndGetWhatOneCallGets() throws Exception {
        List<String> ids = List.of("u05", "u09", "u17", "u33", "u45", "u54");
        List<String> alone = new ArrayList<>();
        for (String id : ids) {
            Wav w = wav("wideband", id);
            alone.add(asr.recognize(w.pcm(), w.sampleRate()).text());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (String id : ids) {
                together.add(pool.submit(() -> {
                    Wav w = wav("wideband", id);
                    return asr.recognize(w.pcm(), w.sampleRate()).text();
                }));
            }
            for (int i = 0; i < ids.size(); i++) {
                assertThat(together.get(i).get()).as(ids.get(i)).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void audioAtAnotherRateIsRefusedWithTheRatesItTakes() {
        assertThatThrownBy(() -> asr.recognize(new byte[4410], 44_100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("44100 Hz").hasMessageContaining("8000 or 16000");
    }

    @Test
    void anUtteranceRecognisedWhileSpokenGetsTheSameWordsAndLeavesLittleToWaitFor() throws Exception {
        Wav w = wav("narrowband", "u17");
        String whole = asr.recognize(w.pcm(), w.sampleRate()).text();

        SpeechRecognizer.Stream stream = asr.start(w.sampleRate()).orElseThrow();
        for (int off = 0; off < w.pcm().length; off += 320) {
            stream.feed(w.pcm(), off, Math.min(320, w.pcm().length - off));
        }
        Transcript live = stream.finish();

        assertThat(live.text()).isEqualTo(whole).isNotEmpty();
        assertThat(live.audioMillis()).isEqualTo(w.millis());
    }

    @Test
    void aCancelledStreamGivesItsDecoderBackAndBusyDecodersMeanNoStream() throws Exception {
        SpeechRecognizer.Stream first = asr.start(8000).orElseThrow();
        SpeechRecognizer.Stream second = asr.start(8000).orElseThrow();
        assertThat(asr.start(8000)).as("both decoders are taken").isEmpty();

        first.cancel();
        second.cancel();

        Wav w = wav("wideband", "u01");
        assertThat(asr.recognize(w.pcm(), w.sampleRate()).text()).as("the decoders came back").isEqualTo("i lost my credit card");
        SpeechRecognizer.Stream again = asr.start(16000).orElseThrow();
        again.cancel();
    }

    @Test
    void anAdaptationTransformIsLearntWrittenAndLoadedAndABrokenOneIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<byte[]> audio = new ArrayList<>();
        for (String id : List.of("u03", "u11", "u27")) {
            audio.add(wav("narrowband", id).pcm());
        }
        Path transform = dir.resolve("calls.mllr");

        int frames = asr.adapt(audio, 8000, transform);

        assertThat(frames).isPositive();
        assertThat(transform).isNotEmptyFile();
        try (SphinxRecognizer adapted = new SphinxRecognizer(SphinxRecognizer.defaultPhrases(), PronunciationDictionary.englishUs(),
                SphinxSettings.defaults().withDecoders(1), Runnable::run, transform)) {
            Wav w = wav("narrowband", "u01");
            assertThat(adapted.recognize(w.pcm(), w.sampleRate()).text()).isNotEmpty();
        }

        Path broken = dir.resolve("broken.mllr");
        java.nio.file.Files.writeString(broken, "not a transform");
        assertThatThrownBy(() -> new SphinxRecognizer(SphinxRecognizer.defaultPhrases(), PronunciationDictionary.englishUs(),
                SphinxSettings.defaults().withDecoders(1), Runnable::run, broken))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("broken.mllr");
    }
}
