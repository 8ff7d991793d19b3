package org.parley.nlp.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

/**
 * Debian's pocketsphinx through JNA on the committed test callers (the build installs libpocketsphinx3
 * and pocketsphinx-en-us with src/main/scripts/install-pocketsphinx.sh).
 */
class PocketSphinxRecognizerTest {

    private static final Path AUDIO = Path.of("src/test/audio");
    private static PocketSphinxRecognizer asr;

    @BeforeAll
    static void load() throws Exception {
        asr = new PocketSphinxRecognizer(SphinxRecognizer.defaultPhrases(), PronunciationDictionary.englishUs(),
                PocketSphinxRecognizer.Settings.defaults().withDecoders(2));
    }

    @AfterAll
    static void close() {
        asr.close();
    }

    private static Wav wav(String band, String id) throws Exception {
        return Wav.read(AUDIO.resolve(band).resolve(id + ".wav"));
    }

    @Test
    void hearsWidebandAndTelephoneCallers() throws Exception {
        Wav wide = wav("wideband", "u01"); // rms: "i lost my credit card"
        Wav narrow = wav("narrowband", "u01");

        Transcript w = asr.recognize(wide.pcm(), wide.sampleRate());
        Transcript n = asr.recognize(narrow.pcm(), narrow.sampleRate());

        assertThat(w.text()).isEqualTo("i lost my credit card");
        assertThat(n.text()).isEqualTo("i lost my credit card");
        assertThat(w.confidence()).isBetween(0.0, 1.0).isPositive();
        assertThat(n.audioMillis()).isEqualTo(narrow.millis());
        assertThat(asr.engine()).isEqualTo("pocketsphinx");
    }

    @Test
    void silenceIsNoWords() {
        Transcript t = asr.recognize(new byte[16_000 * 2], 16_000);
        assertThat(t.text()).isEmpty();
        assertThat(t.confidence()).isZero();
    }

    @Test
    void manyCallsAtOnceGetWhatOneCallGets() throws Exception {
        List<String> ids = List.of("u05", "u09", "u17", "u33", "u45", "u54", "u12", "u28");
        List<String> alone = new ArrayList<>();
        for (String id : ids) {
            Wav w = wav("narrowband", id);
            alone.add(asr.recognize(w.pcm(), w.sampleRate()).text());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (String id : ids) {
                together.add(pool.submit(() -> {
                    Wav w = wav("narrowband", id);
                    return asr.recognize(w.pcm(), w.sampleRate()).text();
                }));
            }
            for (int i = 0; i < ids.size(); i++) {
                assertThat(together.get(i).get()).as(ids.get(i)).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(alone).doesNotContain("");
    }

    @Test
    void aMissingModelOrLibraryIsNamedWithThePackagesToInstall() {
        PocketSphinxRecognizer.Settings d = PocketSphinxRecognizer.Settings.defaults();
        assertThatThrownBy(() -> new PocketSphinxRecognizer(List.of("hello"), PronunciationDictionary.englishUs(),
                new PocketSphinxRecognizer.Settings("/nowhere/en-us", d.library(), 1, 6.5, 0.6)))
                .isInstanceOf(IOException.class).hasMessageContaining("/nowhere/en-us").hasMessageContaining("pocketsphinx-en-us");
        assertThatThrownBy(() -> new PocketSphinxRecognizer(List.of("hello"), PronunciationDictionary.englishUs(),
                new PocketSphinxRecognizer.Settings(d.model(), "libpocketsphinx-missing.so.9", 1, 6.5, 0.6)))
                .isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("libpocketsphinx3").hasMessageContaining("parley.speech.engine=sphinx4");
    }

    @Test
    void audioAtAnotherRateIsRefused() {
        assertThatThrownBy(() -> asr.recognize(new byte[4410], 44_100)).hasMessageContaining("44100 Hz");
    }

    @Test
    void closingWaitsForTheDecodeInProgressAndLaterCallsAreToldItIsClosed() throws Exception {
        PocketSphinxRecognizer own = new PocketSphinxRecognizer(List.of("i lost my credit card", "my card was stolen"),
                PronunciationDictionary.englishUs(), PocketSphinxRecognizer.Settings.defaults().withDecoders(1));
        Wav w = wav("wideband", "u01");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Transcript> decoding = pool.submit(() -> own.recognize(w.pcm(), w.sampleRate()));
            while (own.idleDecoders() > 0 && !decoding.isDone()) {
                Thread.onSpinWait(); // until the call holds the decoder
            }
            own.close();

            assertThat(decoding.get().text()).isEqualTo("i lost my credit card");
            assertThatThrownBy(() -> own.recognize(w.pcm(), w.sampleRate())).hasMessageContaining("closed");
        } finally {
            pool.shutdown();
        }
    }
}
