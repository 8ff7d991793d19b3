package org.parley.tools;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.parley.nlp.Understander;
import org.parley.nlp.speech.SpeechRecognizer;
import org.parley.nlp.speech.SphinxRecognizer;
import org.parley.nlp.speech.SphinxSettings;
import org.parley.nlp.speech.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley asr}: measure and try the embedded speech recogniser. */
@Command(name = "asr", mixinStandardHelpOptions = true, description = "Measure and try the embedded speech recogniser.",
        subcommands = {AsrCommand.Bench.class, AsrCommand.Transcribe.class, AsrCommand.Adapt.class, AsrCommand.Model.class})
final class AsrCommand {

    /** 16-bit mono PCM and its rate, read from a WAV file. */
    record Audio(byte[] pcm, int sampleRate) {

        static Audio read(Path wav) throws Exception {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                AudioFormat f = in.getFormat();
                if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
                        || f.isBigEndian()) {
                    throw new IllegalArgumentException(wav + ": expected 16-bit signed little-endian mono PCM, got " + f
                            + " (convert with: sox IN.wav -r 16000 -c 1 -b 16 OUT.wav)");
                }
                return new Audio(in.readAllBytes(), (int) f.getSampleRate());
            }
        }

        long millis() {
            return pcm.length / 2 * 1000L / sampleRate;
        }
    }

    /** Search settings on the command line (defaults: {@link SphinxSettings#defaults()}). */
    static final class Settings {
        private static final SphinxSettings D = SphinxSettings.defaults();

        @Option(names = "--decoders", description = "Decoders loaded (default: cores).")
        Integer decoders;
        @Option(names = "--beam", description = "Absolute beam width.")
        Integer beam;
        @Option(names = "--word-beam", description = "Absolute word beam width.")
        Integer wordBeam;
        @Option(names = "--relative-beam", description = "Relative beam width.")
        Double relativeBeam;
        @Option(names = "--lw", description = "Language weight.")
        Double languageWeight;
        @Option(names = "--wip", description = "Word insertion probability.")
        Double wip;
        @Option(names = "--discount", description = "Language model discount.")
        Double discount;
        @Option(names = "--lookahead", description = "Phonetic lookahead search.")
        Boolean lookahead;

        @Option(names = "--transform", description = "MLLR transform of the acoustic model (from asr adapt), applied to every decoder.")
        Path transform;

        @Option(names = "--engine", defaultValue = "pocketsphinx", description = "pocketsphinx (Debian, through JNA) or sphinx4 (default ${DEFAULT-VALUE}).")
        String engine;

        SphinxRecognizer sphinx4(int decoders) throws IOException {
            return new SphinxRecognizer(SphinxRecognizer.defaultPhrases(), org.parley.nlp.speech.PronunciationDictionary.englishUs(),
                    settings().withDecoders(decoders), java.util.concurrent.ForkJoinPool.commonPool(), transform);
        }

        SpeechRecognizer recognizer(int decoders) throws IOException {
            return switch (engine) {
                case "sphinx4" -> sphinx4(decoders);
                case "pocketsphinx" -> {
                    org.parley.nlp.speech.PocketSphinxRecognizer.Settings d = org.parley.nlp.speech.PocketSphinxRecognizer.Settings.defaults();
                    yield new org.parley.nlp.speech.PocketSphinxRecognizer(SphinxRecognizer.defaultPhrases(),
                            org.parley.nlp.speech.PronunciationDictionary.englishUs(), new org.parley.nlp.speech.PocketSphinxRecognizer.Settings(
                                    d.model(), d.library(), decoders, languageWeight != null ? languageWeight : d.languageWeight(),
                                    discount != null ? discount : d.discount()));
                }
                default -> throw new IllegalArgumentException("--engine must be pocketsphinx or sphinx4, not " + engine);
            };
        }

        int decoders() {
            return decoders != null ? decoders : Runtime.getRuntime().availableProcessors();
        }

        SphinxSettings settings() {
            return new SphinxSettings(decoders != null ? decoders : D.decoders(), beam != null ? beam : D.absoluteBeamWidth(),
                    relativeBeam != null ? relativeBeam : D.relativeBeamWidth(), wordBeam != null ? wordBeam : D.absoluteWordBeamWidth(),
                    D.relativeWordBeamWidth(), languageWeight != null ? languageWeight : D.languageWeight(),
                    wip != null ? wip : D.wordInsertionProbability(), discount != null ? discount : D.discount(),
                    lookahead != null ? lookahead : D.lookahead());
        }
    }

    /** {@code parley asr transcribe}. */
    @Command(name = "transcribe", mixinStandardHelpOptions = true,
            description = "Recognise WAV files (16-bit mono, 8 or 16 kHz); one JSON line per file: file, text, confidence, milliseconds.")
    static final class Transcribe implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE.wav")
        List<Path> files;

        @Mixin
        Settings settings = new Settings();

        @Override
        public Integer call() throws Exception {
            int failed = 0;
            try (SpeechRecognizer asr = settings.recognizer(1)) {
                for (Path file : files) {
                    try {
                        Audio audio = Audio.read(file);
                        Transcript t = asr.recognize(audio.pcm(), audio.sampleRate());
                        System.out.println(Json.createObjectBuilder().add("file", file.toString()).add("text", t.text())
                                .add("confidence", Math.round(t.confidence() * 1000) / 1000.0).add("milliseconds", t.decodeMillis())
                                .add("audioMilliseconds", t.audioMillis()).build());
                    } catch (Exception e) {
                        failed++;
                        System.out.println(Json.createObjectBuilder().add("file", file.toString()).add("error", String.valueOf(e.getMessage())).build());
                    }
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }

    /** {@code parley asr model}. */
    @Command(name = "model", mixinStandardHelpOptions = true,
            description = "Write the language model (ARPA) and the dictionary the recogniser builds from the phrases, to inspect or reuse.")
    static final class Model implements Callable<Integer> {

        @Option(names = "--out", required = true, description = "Directory for domain.lm and domain.dict.")
        Path out;

        @Option(names = "--phrases", description = "More phrases, one per line (as parley.speech.phrases).")
        Path phrases;

        @Option(names = "--discount", defaultValue = "0.6", description = "Absolute discount (default ${DEFAULT-VALUE}).")
        double discount;

        @Override
        public Integer call() throws Exception {
            List<String> all = new ArrayList<>(SphinxRecognizer.defaultPhrases());
            if (phrases != null) {
                try (var in = Files.newInputStream(phrases)) {
                    all.addAll(SphinxRecognizer.phrases(in));
                }
            }
            org.parley.nlp.speech.DomainLanguageModel lm;
            try (org.parley.nlp.speech.DomainFiles files = org.parley.nlp.speech.DomainFiles.writeTo(all,
                    org.parley.nlp.speech.PronunciationDictionary.englishUs(), discount, out)) {
                lm = files.model();
            }
            System.out.printf(Locale.ROOT, "%d phrases, %d words -> %s/domain.lm, %s/domain.dict%n", lm.sentences(), lm.vocabulary().size(), out, out);
            if (!lm.missingWords().isEmpty()) {
                System.out.println("no pronunciation (left out): " + lm.missingWords());
            }
            return 0;
        }
    }

    /** {@code parley asr adapt}. */
    @Command(name = "adapt", mixinStandardHelpOptions = true,
            description = "Learn an MLLR transform of the acoustic model from WAV files of the audio it should suit (e.g. telephone calls).")
    static final class Adapt implements Callable<Integer> {

        @Option(names = "--audio", required = true, description = "Directory of WAV files (16-bit mono, all 8 kHz or all 16 kHz).")
        Path audio;

        @Option(names = "--out", required = true, description = "Transform file to write.")
        Path out;

        @Mixin
        Settings settings = new Settings();

        @Override
        public Integer call() throws Exception {
            List<byte[]> pcm = new ArrayList<>();
            int rate = 0;
            try (var files = Files.list(audio)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                    Audio a = Audio.read(f);
                    if (rate != 0 && a.sampleRate() != rate) {
                        System.err.println(f + ": " + a.sampleRate() + " Hz, but the other files are " + rate + " Hz");
                        return 2;
                    }
                    rate = a.sampleRate();
                    pcm.add(a.pcm());
                }
            }
            if (pcm.isEmpty()) {
                System.err.println(audio + ": no .wav files");
                return 2;
            }
            try (SphinxRecognizer asr = settings.sphinx4(1)) {
                long started = System.nanoTime();
                int frames = asr.adapt(pcm, rate, out);
                System.out.printf(Locale.ROOT, "adapted on %d utterances (%d frames, %.0f s of speech) in %.1f s -> %s%n", pcm.size(), frames,
                        frames / 100.0, (System.nanoTime() - started) / 1e9, out);
            }
            return 0;
        }
    }

    /** {@code parley asr bench}. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Word error rate, sentence and intent accuracy, real-time factor and concurrent streams on a corpus"
                    + " (transcripts.tsv: id, intent, voice, stretch, text; wideband/ and narrowband/ WAVs).")
    static final class Bench implements Callable<Integer> {

        @Option(names = "--corpus", required = true, description = "Corpus directory.")
        Path corpus;

        @Option(names = "--band", defaultValue = "both", description = "wideband, narrowband or both (default ${DEFAULT-VALUE}).")
        String band;

        @Option(names = "--voices", split = ",", description = "Only these voices (e.g. awb,rms to tune on, slt to report).")
        List<String> voices;

        @Option(names = "--streams", defaultValue = "1,2,4,8,12,16",
                split = ",", description = "Concurrent stream counts to try (default ${DEFAULT-VALUE}); 0 to skip.")
        List<Integer> streams;

        @Option(names = "--errors", description = "Print each misrecognised utterance.")
        boolean errors;

        @Option(names = "--live", description = "Feed each utterance in real time (20 ms pieces) to a decoder recognising while it is"
                + " spoken, as the server does, and measure end of speech -> transcript (the corpus plays in real time).")
        boolean live;

        @Option(names = "--calibrate", description = "Fit the confidence calibration (parley.speech.calibration) on these utterances:"
                + " the chance a transcript is right given the engine's confidence. Fit on voices you do not report on.")
        boolean calibrate;

        @Mixin
        Settings settings = new Settings();

        record Utterance(String id, String intent, String voice, String text) {
        }

        @Override
        public Integer call() throws Exception {
            List<Utterance> utterances = new ArrayList<>();
            for (String line : Files.readAllLines(corpus.resolve("transcripts.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 5) {
                    System.err.println("transcripts.tsv: expected id, intent, voice, stretch, text in: " + line);
                    return 2;
                }
                if (voices == null || voices.contains(f[2])) {
                    utterances.add(new Utterance(f[0], f[1], f[2], f[4]));
                }
            }
            Understander understander = Understander.defaults();
            SphinxSettings s = settings.settings();
            System.out.printf(Locale.ROOT, "engine %s; settings: %s%n", settings.engine, settings.engine.equals("sphinx4") ? s
                    : "language weight " + (settings.languageWeight != null ? settings.languageWeight : 6.5));
            long before = usedMemory();
            long rssBefore = residentKb();
            try (SpeechRecognizer asr = settings.recognizer(settings.decoders())) {
                long after = usedMemory();
                long rssAfter = residentKb();
                System.out.printf(Locale.ROOT, "language model: %d words, %d phrases, %d without pronunciation %s; %d decoders loaded,"
                                + " %.0f MB retained on the heap, process resident memory +%d MB%n", asr.languageModel().vocabulary().size(),
                        asr.languageModel().sentences(),
                        asr.languageModel().missingWords().size(), asr.languageModel().missingWords().keySet(), settings.decoders(),
                        (after - before) / 1e6, (rssAfter - rssBefore) / 1024);
                for (String b : band.equals("both") ? List.of("wideband", "narrowband") : List.of(band)) {
                    List<Audio> audio = new ArrayList<>();
                    for (Utterance u : utterances) {
                        audio.add(Audio.read(corpus.resolve(b).resolve(u.id() + ".wav")));
                    }
                    accuracy(b, asr, understander, utterances, audio);
                    if (streams.stream().anyMatch(k -> k > 0)) {
                        concurrency(b, asr, audio);
                    }
                }
            }
            return 0;
        }

        private void accuracy(String band, SpeechRecognizer asr, Understander understander, List<Utterance> utterances, List<Audio> audio)
                throws InterruptedException {
            asr.recognize(audio.get(0).pcm(), audio.get(0).sampleRate()); // warm-up
            int words = 0;
            int edits = 0;
            int sentencesRight = 0;
            int intentAudio = 0;
            int intentText = 0;
            long audioMs = 0;
            long decodeMs = 0;
            List<Double> rtf = new ArrayList<>();
            List<Long> latency = new ArrayList<>();
            double confRight = 0;
            double confWrong = 0;
            int wrong = 0;
            double[] raw = new double[utterances.size()];
            boolean[] right = new boolean[utterances.size()];
            org.parley.nlp.speech.ConfidenceCalibration calibration = org.parley.nlp.speech.ConfidenceCalibration.forEngine(asr.engine());
            int unsureRight = 0;
            int unsureWrong = 0;
            for (int i = 0; i < utterances.size(); i++) {
                Utterance u = utterances.get(i);
                Transcript t = live ? live(asr, audio.get(i)) : asr.recognize(audio.get(i).pcm(), audio.get(i).sampleRate());
                List<String> ref = scoring(u.text());
                List<String> hyp = scoring(t.text());
                int e = editDistance(ref, hyp);
                raw[i] = t.confidence();
                right[i] = e == 0;
                if (calibration.apply(t.confidence()) < UNSURE) {
                    if (e == 0) {
                        unsureRight++;
                    } else {
                        unsureWrong++;
                    }
                }
                words += ref.size();
                edits += e;
                if (e == 0) {
                    sentencesRight++;
                    confRight += t.confidence();
                } else {
                    wrong++;
                    confWrong += t.confidence();
                    if (errors) {
                        System.out.printf(Locale.ROOT, "  %s %-6s ref: %s%n  %s        hyp: %s (confidence %.2f)%n", u.id(), u.voice(), u.text(),
                                " ".repeat(u.id().length()), t.text(), t.confidence());
                    }
                }
                if (understander.understand(t.text(), java.time.LocalDate.now()).intent().equals(u.intent())) {
                    intentAudio++;
                }
                if (understander.understand(u.text(), java.time.LocalDate.now()).intent().equals(u.intent())) {
                    intentText++;
                }
                audioMs += t.audioMillis();
                decodeMs += t.decodeMillis();
                rtf.add(t.realTimeFactor());
                latency.add(t.decodeMillis());
            }
            int n = utterances.size();
            rtf.sort(null);
            latency.sort(null);
            System.out.printf(Locale.ROOT, "%s: %d utterances, %d words: WER %.1f%%, sentence accuracy %.1f%%, intent accuracy from audio %.1f%%"
                            + " vs from text %.1f%%%n", band, n, words, 100.0 * edits / words, 100.0 * sentencesRight / n,
                    100.0 * intentAudio / n, 100.0 * intentText / n);
            System.out.printf(Locale.ROOT, "%s: one stream%s: real-time factor %.3f overall (p50 %.3f, p95 %.3f); end of speech -> transcript"
                            + " p50 %d ms, p95 %d ms; mean confidence right %.2f, wrong %.2f%n", band,
                    live ? " (live: decoding while spoken; real-time factor is the wait after the end)" : "", (double) decodeMs / audioMs,
                    rtf.get(n / 2), rtf.get(Math.min(n - 1, n * 95 / 100)), latency.get(n / 2), latency.get(Math.min(n - 1, n * 95 / 100)),
                    sentencesRight == 0 ? 0 : confRight / sentencesRight, wrong == 0 ? 0 : confWrong / wrong);
            System.out.printf(Locale.ROOT, "%s: calibrated confidence (%s) under %.1f, asked again by the shipped rules: %d of %d wrong"
                    + " transcripts, %d of %d right ones%n", band, calibration, UNSURE, unsureWrong, wrong, unsureRight, sentencesRight);
            for (int i = 0; i < n; i++) {
                allRaw.add(raw[i]);
                allRight.add(right[i]);
            }
            if (calibrate) {
                double[] r = allRaw.stream().mapToDouble(Double::doubleValue).toArray();
                boolean[] ok = new boolean[r.length];
                for (int i = 0; i < ok.length; i++) {
                    ok[i] = allRight.get(i);
                }
                System.out.printf(Locale.ROOT, "%s: fitted calibration on the %d utterances so far: parley.speech.calibration=%s%n", band,
                        r.length, org.parley.nlp.speech.ConfidenceCalibration.fit(r, ok));
            }
        }

        private final List<Double> allRaw = new ArrayList<>();
        private final List<Boolean> allRight = new ArrayList<>();

        /** The calibrated confidence under which understanding.drl does not take the words as understood. */
        private static final double UNSURE = 0.3;

        /** Feeds the utterance in 20 ms pieces at the pace it is spoken, then finishes; falls back to a whole decode. */
        private static Transcript live(SpeechRecognizer asr, Audio a) throws InterruptedException {
            java.util.Optional<org.parley.nlp.speech.SpeechRecognizer.Stream> stream = asr.start(a.sampleRate());
            if (stream.isEmpty()) {
                return asr.recognize(a.pcm(), a.sampleRate());
            }
            int frame = a.sampleRate() / 50 * 2;
            long start = System.nanoTime();
            int sent = 0;
            for (int off = 0; off < a.pcm().length; off += frame) {
                stream.get().feed(a.pcm(), off, Math.min(frame, a.pcm().length - off));
                sent++;
                long wait = start + sent * 20_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            return stream.get().finish();
        }

        /**
         * K callers at once, each saying the corpus utterances one after another; a stream keeps up with
         * real time while its decodes (waiting for a decoder included) take less time than its audio.
         */
        private void concurrency(String band, SpeechRecognizer asr, List<Audio> audio) throws Exception {
            int best = 0;
            for (int k : streams.stream().filter(k -> k > 0).toList()) {
                ExecutorService pool = Executors.newFixedThreadPool(k);
                List<Future<double[]>> results = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    int offset = c * 7;
                    results.add(pool.submit(() -> {
                        long audioMs = 0;
                        long wallNanos = 0;
                        int take = Math.min(audio.size(), 20);
                        for (int i = 0; i < take; i++) {
                            Audio a = audio.get((offset + i) % audio.size());
                            long t0 = System.nanoTime();
                            asr.recognize(a.pcm(), a.sampleRate());
                            wallNanos += System.nanoTime() - t0;
                            audioMs += a.millis();
                        }
                        return new double[] {wallNanos / 1e6 / audioMs};
                    }));
                }
                List<Double> rtfs = new ArrayList<>();
                for (Future<double[]> f : results) {
                    rtfs.add(f.get()[0]);
                }
                pool.shutdown();
                rtfs.sort(null);
                double worst = rtfs.get(rtfs.size() - 1);
                System.out.printf(Locale.ROOT, "%s: %2d concurrent streams: real-time factor per stream median %.3f, worst %.3f%s%n", band, k,
                        rtfs.get(rtfs.size() / 2), worst, worst < 1 ? " (all under real time)" : "");
                if (worst < 1) {
                    best = k;
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d concurrent streams stay under real time on %d cores%n", band, best,
                    Runtime.getRuntime().availableProcessors());
        }

        /** The process's resident set (Linux), which includes a native engine's memory; 0 elsewhere. */
        private static long residentKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return 0;
        }

        private static long usedMemory() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }

        /**
         * Words as scored: lower case, punctuation dropped and contractions written out on both sides
         * ("i'm" = "i am"), as NIST scoring's GLM rules do, so a contraction is not counted as an error.
         */
        static List<String> scoring(String text) {
            List<String> words = new ArrayList<>();
            for (String w : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^a-z0-9']+")) {
                if (!w.isEmpty()) {
                    words.addAll(Arrays.asList(CONTRACTIONS.getOrDefault(w, w).split(" ")));
                }
            }
            return words;
        }

        private static final java.util.Map<String, String> CONTRACTIONS = java.util.Map.ofEntries(
                java.util.Map.entry("i'm", "i am"), java.util.Map.entry("can't", "cannot"), java.util.Map.entry("don't", "do not"),
                java.util.Map.entry("doesn't", "does not"), java.util.Map.entry("didn't", "did not"), java.util.Map.entry("won't", "will not"),
                java.util.Map.entry("isn't", "is not"), java.util.Map.entry("it's", "it is"), java.util.Map.entry("that's", "that is"),
                java.util.Map.entry("i'd", "i would"), java.util.Map.entry("i've", "i have"), java.util.Map.entry("i'll", "i will"),
                java.util.Map.entry("what's", "what is"), java.util.Map.entry("there's", "there is"), java.util.Map.entry("wasn't", "was not"),
                java.util.Map.entry("haven't", "have not"), java.util.Map.entry("you're", "you are"), java.util.Map.entry("we're", "we are"));

        static int editDistance(List<String> a, List<String> b) {
            int[] prev = new int[b.size() + 1];
            int[] cur = new int[b.size() + 1];
            for (int j = 0; j <= b.size(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.size(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.size(); j++) {
                    int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                    cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.size()];
        }
    }
}
