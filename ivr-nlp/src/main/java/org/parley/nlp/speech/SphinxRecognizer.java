package org.parley.nlp.speech;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.result.WordResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;

/**
 * Sphinx4 with the en-us acoustic model (16 kHz) and a {@link DomainLanguageModel} of this
 * deployment's phrases. A fixed number of decoders is loaded once and shared by every call: a call
 * borrows one for the length of a decode and gives it back, so memory does not grow with calls and
 * recognition never runs more decodes at once than there are cores. (A decoder's acoustic scorer keeps
 * per-frame state in the model's shared Gaussian sets, so two decodes must not run in one decoder.)
 * Telephone audio (8 kHz) is resampled to 16 kHz.
 */
public final class SphinxRecognizer implements SpeechRecognizer {

    private static final System.Logger LOG = System.getLogger(SphinxRecognizer.class.getName());
    public static final String ACOUSTIC_MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us";
    public static final int MODEL_RATE = 16_000;
    private static final int NBEST = 10;
    private static final String CONFIG = "resource:/org/parley/nlp/speech/sphinx.config.xml";

    private final BlockingQueue<Decoder> idle;
    private final List<Decoder> all = new ArrayList<>();
    private final DomainLanguageModel model;
    private final DomainFiles files;
    private final java.util.concurrent.Executor executor;

    /**
     * Builds the language model from the phrases, writes it and the dictionary of its words to a
     * working directory, and loads the decoders.
     */
    public SphinxRecognizer(Collection<String> phrases, PronunciationDictionary dictionary, SphinxSettings settings) throws IOException {
        this(phrases, dictionary, settings, java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sphinx-stream");
            t.setDaemon(true);
            return t;
        }));
    }

    /** {@code executor} runs the decoders of utterances recognised while spoken (a managed executor in the server). */
    public SphinxRecognizer(Collection<String> phrases, PronunciationDictionary dictionary, SphinxSettings settings,
                            java.util.concurrent.Executor executor) throws IOException {
        this(phrases, dictionary, settings, executor, null);
    }

    /**
     * {@code transform}: an MLLR transform of the acoustic model's means (from {@link #adapt}) applied to
     * every decoder, e.g. one that moves the 16 kHz model towards telephone audio; null for none.
     */
    public SphinxRecognizer(Collection<String> phrases, PronunciationDictionary dictionary, SphinxSettings settings,
                            java.util.concurrent.Executor executor, Path transform) throws IOException {
        this.executor = executor;
        quietSphinxLogging();
        files = DomainFiles.temporary(phrases, dictionary, settings.discount());
        model = files.model();
        Path lm = files.languageModelFile();
        Path dict = files.dictionaryFile();
        Path config = files.directory().resolve("sphinx.config.xml");
        Files.writeString(config, searchConfiguration(settings), StandardCharsets.UTF_8);
        idle = new ArrayBlockingQueue<>(settings.decoders());
        for (int i = 0; i < settings.decoders(); i++) {
            Decoder decoder = new Decoder(configuration(lm, dict), config, transform);
            all.add(decoder);
            idle.add(decoder);
        }
        LOG.log(Level.INFO, "speech: {0} decoder(s) loaded, language model of {1} words from {2} phrases",
                settings.decoders(), model.vocabulary().size(), model.sentences());
    }

    /** The en-us dictionary and the phrases given. */
    public static SphinxRecognizer forPhrases(Collection<String> phrases, SphinxSettings settings) throws IOException {
        return new SphinxRecognizer(phrases, PronunciationDictionary.englishUs(), settings);
    }

    @Override
    public String engine() {
        return "Sphinx4";
    }

    @Override
    public DomainLanguageModel languageModel() {
        return model;
    }

    /**
     * Sphinx's configuration with these search settings written in. (Setting them on a built Context
     * re-creates parts of the front end without their predecessors, so they go into the file.)
     */
    static String searchConfiguration(SphinxSettings s) throws IOException {
        String xml;
        try (InputStream in = SphinxRecognizer.class.getResourceAsStream("sphinx.config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        xml = property(xml, "absoluteBeamWidth", Integer.toString(s.absoluteBeamWidth()));
        xml = property(xml, "relativeBeamWidth", Double.toString(s.relativeBeamWidth()));
        xml = property(xml, "absoluteWordBeamWidth", Integer.toString(s.absoluteWordBeamWidth()));
        xml = property(xml, "relativeWordBeamWidth", Double.toString(s.relativeWordBeamWidth()));
        xml = property(xml, "languageWeight", Double.toString(s.languageWeight()));
        xml = property(xml, "wordInsertionProbability", Double.toString(s.wordInsertionProbability()));
        if (!s.lookahead()) {
            xml = xml.replace("<property name=\"searchManager\" value=\"wordPruningLookaheadSearchManager\"/>",
                    "<property name=\"searchManager\" value=\"wordPruningSearchManager\"/>");
        }
        return xml;
    }

    private static String property(String xml, String name, String value) {
        String replaced = xml.replaceFirst("<property name=\"" + name + "\"\\s+value=\"[^\"]*\"/>",
                "<property name=\"" + name + "\" value=\"" + value + "\"/>");
        if (replaced.equals(xml) && !xml.contains("<property name=\"" + name + "\" value=\"" + value + "\"/>")) {
            throw new IllegalStateException("sphinx.config.xml has no global property " + name);
        }
        return replaced;
    }

    private static Configuration configuration(Path lm, Path dict) {
        Configuration configuration = new Configuration();
        configuration.setAcousticModelPath(ACOUSTIC_MODEL);
        configuration.setDictionaryPath(dict.toUri().toString());
        configuration.setLanguageModelPath(lm.toUri().toString());
        configuration.setSampleRate(MODEL_RATE);
        return configuration;
    }

    /** Held so the levels set below stay set (java.util.logging keeps loggers only weakly). */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("edu.cmu.sphinx"), Logger.getLogger("default.config"));

    private static void quietSphinxLogging() {
        // Sphinx4 configures java.util.logging itself and reports every allocation at INFO.
        QUIETED.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
    }

    @Override
    public Transcript recognize(byte[] pcm, int sampleRate) {
        byte[] audio = switch (sampleRate) {
            case MODEL_RATE -> pcm;
            case MODEL_RATE / 2 -> Resampler.upsampleTwice(pcm);
            default -> throw new IllegalArgumentException("audio at " + sampleRate + " Hz: the recogniser takes 8000 or 16000 Hz");
        };
        long audioMillis = audio.length / 2 * 1000L / MODEL_RATE;
        Decoder decoder;
        try {
            decoder = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Transcript.nothing(audioMillis, 0);
        }
        try {
            return decoder.decode(audio, audioMillis);
        } finally {
            idle.add(decoder);
        }
    }

    /**
     * Computes a maximum-likelihood linear regression (MLLR) transform of the acoustic model's means
     * from audio of the kind it should be better at (unsupervised: from what the decoder hears), and
     * writes it to {@code out} for {@code parley.speech.transform}. Returns the frames it learned from.
     */
    public int adapt(List<byte[]> pcm, int sampleRate, Path out) throws Exception {
        Decoder decoder = idle.take();
        try {
            edu.cmu.sphinx.decoder.adaptation.Stats stats = decoder.createStats(1);
            for (byte[] utterance : pcm) {
                decoder.collect(stats, sampleRate == MODEL_RATE ? utterance : Resampler.upsampleTwice(utterance));
            }
            stats.createTransform().store(out.toString(), 0);
            return stats.getFrames();
        } finally {
            idle.add(decoder);
        }
    }

    @Override
    public java.util.Optional<Stream> start(int sampleRate) {
        if (sampleRate != MODEL_RATE && sampleRate != MODEL_RATE / 2) {
            throw new IllegalArgumentException("audio at " + sampleRate + " Hz: the recogniser takes 8000 or 16000 Hz");
        }
        Decoder decoder = idle.poll();
        if (decoder == null) {
            return java.util.Optional.empty();
        }
        Pipe pipe = new Pipe();
        java.util.concurrent.CompletableFuture<Decoder.Words> words;
        try {
            words = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return decoder.words(pipe);
                } finally {
                    idle.add(decoder);
                }
            }, executor);
        } catch (RuntimeException e) {
            idle.add(decoder);
            throw e;
        }
        return java.util.Optional.of(new LiveStream(pipe, words, sampleRate == MODEL_RATE / 2 ? new Resampler.Stream() : null));
    }

    /** An utterance fed to a decoder as it is spoken. */
    private static final class LiveStream implements Stream {
        private final Pipe pipe;
        private final java.util.concurrent.CompletableFuture<Decoder.Words> words;
        private final Resampler.Stream resampler;
        private long bytes16k;
        private boolean done;

        LiveStream(Pipe pipe, java.util.concurrent.CompletableFuture<Decoder.Words> words, Resampler.Stream resampler) {
            this.pipe = pipe;
            this.words = words;
            this.resampler = resampler;
        }

        @Override
        public void feed(byte[] pcm, int offset, int length) {
            byte[] audio = resampler != null ? resampler.push(pcm, offset, length) : java.util.Arrays.copyOfRange(pcm, offset, offset + length);
            bytes16k += audio.length;
            pipe.write(audio);
        }

        @Override
        public Transcript finish() {
            long ended = System.nanoTime();
            end();
            long audioMillis = bytes16k / 2 * 1000 / MODEL_RATE;
            try {
                Decoder.Words w = words.get(60, java.util.concurrent.TimeUnit.SECONDS);
                return new Transcript(w.text(), w.confidence(), audioMillis, (System.nanoTime() - ended) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.log(Level.WARNING, "speech: a live decode failed: {0}", e.toString());
            }
            return Transcript.nothing(audioMillis, (System.nanoTime() - ended) / 1_000_000);
        }

        @Override
        public void cancel() {
            end();
        }

        private void end() {
            if (!done) {
                done = true;
                if (resampler != null) {
                    byte[] tail = resampler.flush();
                    bytes16k += tail.length;
                    pipe.write(tail);
                }
                pipe.close();
            }
        }
    }

    /**
     * Audio handed from the thread that receives it to the decoder's thread. A stream nobody ends
     * ends by itself after 30 s without audio, so a decoder is never lost.
     */
    private static final class Pipe extends InputStream {
        private static final byte[] END = new byte[0];
        private final java.util.concurrent.BlockingQueue<byte[]> chunks = new java.util.concurrent.LinkedBlockingQueue<>();
        private byte[] current;
        private int position;
        private boolean ended;

        void write(byte[] audio) {
            if (audio.length > 0) {
                chunks.add(audio);
            }
        }

        @Override
        public void close() {
            chunks.add(END);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (!ended && (current == null || position >= current.length)) {
                try {
                    current = chunks.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    current = null;
                }
                position = 0;
                if (current == null || current == END) {
                    ended = true;
                }
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }

    @Override
    public void close() {
        for (Decoder decoder : all) {
            decoder.close();
        }
        files.close();
    }

    /** One loaded Sphinx4 pipeline, used by one thread at a time. */
    private static final class Decoder extends AbstractSpeechRecognizer {

        Decoder(Configuration configuration, Path config, Path transform) throws IOException {
            super(tuned(configuration, config));
            recognizer.allocate();
            if (transform != null) {
                try {
                    loadTransform(transform.toString(), 1);
                } catch (Exception e) {
                    throw new IOException("the MLLR transform " + transform + " does not load: " + e.getMessage(), e);
                }
            }
        }

        /** Adds one utterance (16 kHz) to adaptation statistics, from what the decoder hears in it. */
        void collect(edu.cmu.sphinx.decoder.adaptation.Stats stats, byte[] pcm16k) throws Exception {
            context.setSpeechSource(new ByteArrayInputStream(pcm16k));
            SpeechResult result;
            while ((result = getResult()) != null) {
                stats.collect(result);
            }
        }

        private static Context tuned(Configuration configuration, Path config) throws IOException {
            synchronized (SphinxRecognizer.class) {
                // Sphinx's ConfigurationManager takes over the JVM's root logger (its level, a console
                // handler of its own) unless java.util.logging is configured by system property. In an
                // application server that is the server's logging: put it back as it was.
                Logger root = Logger.getLogger("");
                java.util.logging.Level level = root.getLevel();
                List<java.util.logging.Handler> handlers = List.of(root.getHandlers());
                boolean useParent = root.getUseParentHandlers();
                try {
                    return new Context(config.toUri().toString(), configuration);
                } finally {
                    for (java.util.logging.Handler h : root.getHandlers()) {
                        if (!handlers.contains(h)) {
                            root.removeHandler(h);
                        }
                    }
                    root.setLevel(level);
                    root.setUseParentHandlers(useParent);
                }
            }
        }

        /** The words of one utterance and their confidence. */
        record Words(String text, double confidence) {
        }

        Transcript decode(byte[] pcm16k, long audioMillis) {
            long started = System.nanoTime();
            Words w = words(new ByteArrayInputStream(pcm16k));
            return new Transcript(w.text(), w.confidence(), audioMillis, (System.nanoTime() - started) / 1_000_000);
        }

        Words words(InputStream audio) {
            context.setSpeechSource(audio);
            StringBuilder text = new StringBuilder();
            double confidenceSum = 0;
            int words = 0;
            SpeechResult result;
            while ((result = getResult()) != null) {
                List<List<String>> alternatives = result.getNbest(NBEST).stream().map(h -> List.of(h.split("\\s+"))).toList();
                for (WordResult word : result.getWords()) {
                    if (word.isFiller() || word.getWord().isSentenceEndWord() || word.getWord().isSentenceStartWord()) {
                        continue;
                    }
                    if (text.length() > 0) {
                        text.append(' ');
                    }
                    text.append(word.getWord().getSpelling());
                    confidenceSum += agreement(word.getWord().getSpelling(), alternatives);
                    words++;
                }
            }
            return new Words(text.toString(), words == 0 ? 0 : confidenceSum / words);
        }

        /**
         * A word's confidence: the share of the decoder's best alternative hypotheses that contain it.
         * (Sphinx's lattice posteriors are near 1 for every word at the language weight speech needs.)
         */
        private static double agreement(String word, List<List<String>> alternatives) {
            if (alternatives.isEmpty()) {
                return 0.5;
            }
            int with = 0;
            for (List<String> alternative : alternatives) {
                if (alternative.contains(word)) {
                    with++;
                }
            }
            return (double) with / alternatives.size();
        }

        void close() {
            try {
                recognizer.deallocate();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "deallocating a decoder: {0}", e.toString());
            }
        }
    }

    /**
     * What the shipped deployment's callers say: the texts of the intent training data and the
     * everyday answers (digits, yes/no, numbers, dates).
     */
    public static List<String> defaultPhrases() throws IOException {
        List<String> phrases = new ArrayList<>();
        try (InputStream in = SphinxRecognizer.class.getResourceAsStream("/org/parley/nlp/intent/default-intents.csv")) {
            phrases.addAll(org.parley.nlp.intent.TrainingData.readCsv("default-intents.csv", new java.io.InputStreamReader(in,
                    StandardCharsets.UTF_8)).examples().stream().map(org.parley.nlp.intent.TrainingExample::text).toList());
        } catch (org.parley.nlp.intent.TrainingDataException e) {
            throw new IOException(e.getMessage(), e);
        }
        try (InputStream in = SphinxRecognizer.class.getResourceAsStream("everyday-phrases.txt")) {
            phrases.addAll(phrases(in));
        }
        return phrases;
    }

    /** Reads phrases: one per line, '#' comments. */
    public static List<String> phrases(InputStream in) throws IOException {
        if (in == null) {
            throw new UncheckedIOException(new IOException("phrase resource missing"));
        }
        List<String> phrases = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                phrases.add(l);
            }
        }
        return phrases;
    }
}
