package org.parley.ivr.speech;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.nlp.speech.ConfidenceCalibration;
import org.parley.nlp.speech.PocketSphinxRecognizer;
import org.parley.nlp.speech.PronunciationDictionary;
import org.parley.nlp.speech.SpeechRecognizer;
import org.parley.nlp.speech.SphinxRecognizer;
import org.parley.nlp.speech.SphinxSettings;
import org.parley.nlp.speech.Transcript;

/**
 * The deployment's speech recogniser: pocketsphinx (Debian's, through JNA; Sphinx4 from Maven Central
 * when it is not installed or {@code parley.speech.engine=sphinx4}) with a language model of the intent phrases (plus the
 * operator's own phrases file and pronunciations), loaded once on a managed thread at start-up and
 * shared by every call. When the phrases file changes, a new recogniser is built beside the serving
 * one and replaces it when ready. Thread-safe.
 */
@ApplicationScoped
public class SpeechService {

    private static final System.Logger LOG = System.getLogger(SpeechService.class.getName());
    private static final long CHECK_EVERY_MILLIS = 10_000;

    /** How the caller's voice reaches Parley: audiosocket, record (RECORD FILE) or none (keys and typed text only). */
    @Inject
    @ConfigProperty(name = "parley.speech.transport", defaultValue = "audiosocket")
    String transport;

    /** auto (pocketsphinx when installed, else Sphinx4), pocketsphinx or sphinx4. */
    @Inject
    @ConfigProperty(name = "parley.speech.engine", defaultValue = "auto")
    String engine;

    @Inject
    @ConfigProperty(name = "parley.speech.pocketsphinx.model", defaultValue = PocketSphinxRecognizer.DEFAULT_MODEL)
    String pocketsphinxModel;

    @Inject
    @ConfigProperty(name = "parley.speech.pocketsphinx.library", defaultValue = PocketSphinxRecognizer.DEFAULT_LIBRARY)
    String pocketsphinxLibrary;

    /** Decoders loaded; recognition is CPU-bound, so about one per core. */
    @Inject
    @ConfigProperty(name = "parley.speech.decoders")
    Optional<Integer> decoders;

    /** More phrases callers say (one per line), added to the intent phrases for the language model. */
    @Inject
    @ConfigProperty(name = "parley.speech.phrases")
    Optional<String> phrasesFile;

    /** More pronunciations (CMUdict format), for words of the phrases the en-us dictionary lacks. */
    @Inject
    @ConfigProperty(name = "parley.speech.dictionary")
    Optional<String> dictionaryFile;

    /** An MLLR transform of the acoustic model (bin/parley asr adapt), e.g. learnt from this deployment's recorded calls. */
    @Inject
    @ConfigProperty(name = "parley.speech.transform")
    Optional<String> transformFile;

    @Inject
    @ConfigProperty(name = "parley.speech.beam")
    Optional<Integer> beam;

    @Inject
    @ConfigProperty(name = "parley.speech.language-weight")
    Optional<Double> languageWeight;

    /**
     * Calibration of the engine's confidence ("slope,intercept" from bin/parley asr bench --calibrate); default:
     * the one fitted for the engine on the validation voices.
     */
    @Inject
    @ConfigProperty(name = "parley.speech.calibration")
    Optional<String> calibration;

    @Resource
    ManagedExecutorService executor;

    private volatile CompletableFuture<SpeechRecognizer> recognizer;
    private volatile String loaded;
    private volatile String failure;
    private volatile FileTime phrasesVersion;
    private volatile long lastCheck;

    /** True when calls are listened to (a transport is configured). */
    public boolean enabled() {
        return !"none".equalsIgnoreCase(transport.strip());
    }

    public String transport() {
        return transport.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the recogniser is doing now, for its health check. */
    public Loading loading() {
        if (!enabled()) {
            return new Loading(Loading.State.OFF, "off (parley.speech.transport=none): callers press keys");
        }
        if (failure != null) {
            return new Loading(Loading.State.FAILED, failure + "; callers press keys");
        }
        return loaded != null ? new Loading(Loading.State.LOADED, loaded) : new Loading(Loading.State.LOADING, "loading the recogniser");
    }

    /** The recogniser's state and a line about it. */
    public record Loading(State state, String detail) {
        public enum State { OFF, LOADING, LOADED, FAILED }
    }

    /** Starts loading the recogniser in the background (the first call waits only if it is not ready). */
    public void prepare() {
        if (enabled() && recognizer == null) {
            synchronized (this) {
                if (recognizer == null) {
                    phrasesVersion = phrasesModified();
                    recognizer = load();
                }
            }
        }
    }

    /**
     * The chance that a transcript with this confidence (the engine's own) is right: what the rules see
     * as {@code Recognition.confidence}.
     */
    public double calibrated(Transcript transcript) {
        ConfidenceCalibration c = configuredCalibration;
        if (c == null) {
            c = calibration.filter(v -> !v.isBlank()).map(ConfidenceCalibration::parse).orElse(null);
            if (c == null) {
                // the engine's own default; decided once the engine is known (auto may fall back to Sphinx4)
                return ConfidenceCalibration.forEngine(engineName()).apply(transcript.confidence());
            }
            configuredCalibration = c;
        }
        return c.apply(transcript.confidence());
    }

    private volatile ConfidenceCalibration configuredCalibration;

    private String engineName() {
        CompletableFuture<SpeechRecognizer> r = recognizer;
        if (r != null && r.isDone() && !r.isCompletedExceptionally()) {
            return r.join().engine();
        }
        return engine;
    }

    /** Recognises one utterance; an empty transcript when the recogniser is unavailable (logged, never thrown). */
    public Transcript recognize(byte[] pcm, int sampleRate) {
        prepare();
        refreshIfChanged();
        long audioMillis = sampleRate == 0 ? 0 : pcm.length / 2 * 1000L / sampleRate;
        try {
            return recognizer.get(60, TimeUnit.SECONDS).recognize(pcm, sampleRate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.ERROR, "speech recognition unavailable, the utterance is treated as not heard: {0}", e.toString());
        }
        return Transcript.nothing(audioMillis, 0);
    }

    /**
     * Starts recognising an utterance while the caller speaks; empty when the recogniser is not loaded
     * yet or every decoder is busy (the utterance is then recognised whole with {@link #recognize}).
     */
    public Optional<SpeechRecognizer.Stream> start(int sampleRate) {
        CompletableFuture<SpeechRecognizer> r = recognizer;
        if (r == null || !r.isDone() || r.isCompletedExceptionally() || r.isCancelled()) {
            return Optional.empty();
        }
        try {
            return r.join().start(sampleRate);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "speech: could not start a live recognition: {0}", e.toString());
            return Optional.empty();
        }
    }

    /** The transcript of an utterance recognised while spoken; empty when the recognition failed (logged). */
    public Transcript finish(SpeechRecognizer.Stream stream) {
        try {
            return stream.finish();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "speech recognition failed, the utterance is treated as not heard: {0}", e.toString());
            return Transcript.nothing(0, 0);
        }
    }

    private CompletableFuture<SpeechRecognizer> load() {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                SpeechRecognizer r = create();
                String what = String.format("%s, %s; %d words from %d phrases%s, loaded in %d ms", r.engine(), transport(),
                        r.languageModel().vocabulary().size(),
                        r.languageModel().sentences(), r.languageModel().missingWords().isEmpty() ? ""
                                : "; no pronunciation for " + r.languageModel().missingWords().keySet(), (System.nanoTime() - started) / 1_000_000);
                loaded = what;
                return r;
            } catch (IOException | RuntimeException e) {
                failure = "recogniser did not load: " + e.getMessage();
                LOG.log(Level.ERROR, "speech recogniser did not load: {0}", e.toString());
                throw new IllegalStateException("speech recogniser did not load: " + e.getMessage(), e);
            }
        }, executor);
    }

    private SpeechRecognizer create() throws IOException {
        String choice = engine.strip().toLowerCase(java.util.Locale.ROOT);
        if (!choice.equals("auto") && !choice.equals("pocketsphinx") && !choice.equals("sphinx4")) {
            throw new IOException("parley.speech.engine is '" + engine + "'; it must be auto, pocketsphinx or sphinx4");
        }
        if (!choice.equals("sphinx4")) {
            try {
                PocketSphinxRecognizer.Settings d = PocketSphinxRecognizer.Settings.defaults();
                return new PocketSphinxRecognizer(phrases(), dictionary(), new PocketSphinxRecognizer.Settings(pocketsphinxModel,
                        pocketsphinxLibrary, decoders.orElse(d.decoders()), languageWeight.orElse(d.languageWeight()), d.discount()));
            } catch (IOException | UnsatisfiedLinkError e) {
                if (choice.equals("pocketsphinx")) {
                    throw new IOException(e.getMessage(), e);
                }
                LOG.log(Level.WARNING, "speech: pocketsphinx unavailable ({0}); using Sphinx4", e.getMessage());
            }
        }
        return new SphinxRecognizer(phrases(), dictionary(), settings(), executor, transformFile.filter(f -> !f.isBlank()).map(Path::of).orElse(null));
    }

    private SphinxSettings settings() {
        SphinxSettings d = SphinxSettings.defaults();
        return new SphinxSettings(decoders.orElse(d.decoders()), beam.orElse(d.absoluteBeamWidth()), d.relativeBeamWidth(),
                d.absoluteWordBeamWidth(), d.relativeWordBeamWidth(), languageWeight.orElse(d.languageWeight()),
                d.wordInsertionProbability(), d.discount(), d.lookahead());
    }

    private List<String> phrases() throws IOException {
        List<String> phrases = new ArrayList<>(SphinxRecognizer.defaultPhrases());
        if (phrasesFile.isPresent() && !phrasesFile.get().isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(phrasesFile.get()))) {
                phrases.addAll(SphinxRecognizer.phrases(in));
            }
        }
        return phrases;
    }

    private PronunciationDictionary dictionary() throws IOException {
        PronunciationDictionary dictionary = PronunciationDictionary.englishUs();
        if (dictionaryFile.isPresent() && !dictionaryFile.get().isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(dictionaryFile.get()))) {
                dictionary = dictionary.with(PronunciationDictionary.read(in, dictionaryFile.get()));
            }
        }
        return dictionary;
    }

    private FileTime phrasesModified() {
        try {
            FileTime phrases = phrasesFile.filter(f -> !f.isBlank()).map(Path::of).filter(Files::exists) .isPresent()
                    ? Files.getLastModifiedTime(Path.of(phrasesFile.get())) : FileTime.fromMillis(0);
            FileTime dict = dictionaryFile.filter(f -> !f.isBlank()).map(Path::of).filter(Files::exists).isPresent()
                    ? Files.getLastModifiedTime(Path.of(dictionaryFile.get())) : FileTime.fromMillis(0);
            return phrases.compareTo(dict) >= 0 ? phrases : dict;
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Rebuilds the language model when the operator's phrases or pronunciations changed; the old one serves meanwhile. */
    private void refreshIfChanged() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < CHECK_EVERY_MILLIS) {
            return;
        }
        lastCheck = now;
        FileTime modified = phrasesModified();
        if (modified.equals(phrasesVersion)) {
            return;
        }
        phrasesVersion = modified;
        LOG.log(Level.INFO, "speech: the phrases or pronunciations changed; building a new language model");
        CompletableFuture<SpeechRecognizer> next = load();
        next.thenAccept(fresh -> {
            CompletableFuture<SpeechRecognizer> old = recognizer;
            recognizer = next;
            // calls already decoding keep their decoder until they give it back; close after a grace period
            executor.submit(() -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                old.thenAccept(SpeechRecognizer::close);
            });
        });
    }

    @PreDestroy
    void close() {
        CompletableFuture<SpeechRecognizer> r = recognizer;
        if (r != null) {
            r.cancel(false);
            if (r.isDone() && !r.isCompletedExceptionally() && !r.isCancelled()) {
                r.join().close();
            }
        }
    }
}
