package org.parley.nlp.intent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains an {@link IntentModel}: holds out a share of each intent's examples, trains on the rest,
 * chooses the out-of-scope threshold on the held-out part, then trains the final model on all the
 * data and stores the threshold, the settings and a hash of the data in the model. Also the build
 * step that trains the shipped model: {@code IntentTrainer <training.csv> <model.bin>}.
 */
public final class IntentTrainer {

    /** Without out-of-scope examples, the threshold keeps this share of correct held-out answers. */
    static final double KEEP_CORRECT = 0.99;

    private final TrainerSettings settings;

    public IntentTrainer(TrainerSettings settings) {
        this.settings = settings;
    }

    public static IntentTrainer withDefaults() {
        return new IntentTrainer(TrainerSettings.DEFAULT);
    }

    /** The trained model and what the held-out split showed. */
    public record Outcome(IntentModel model, double threshold, int heldOut, double heldOutAccuracy, long millis) {
    }

    public Outcome train(TrainingData data) throws IOException {
        long start = System.nanoTime();
        List<TrainingExample> all = data.examples();
        double threshold = 0;
        int heldOutCount = 0;
        double heldOutAccuracy = Double.NaN;
        if (settings.validationShare() > 0) {
            List<List<TrainingExample>> split = split(all);
            List<TrainingExample> heldOut = split.get(1);
            if (!heldOut.isEmpty()) {
                // the trial model must classify with the same features it was trained on
                IntentModel trial = new IntentModel(fit(split.get(0), settings.features().toManifest()));
                List<double[]> scored = new ArrayList<>();
                int correct = 0;
                for (TrainingExample e : heldOut) {
                    IntentPrediction p = trial.classify(e.text());
                    String best = p.ranked().isEmpty() ? "" : p.ranked().get(0).intent();
                    boolean right = best.equals(e.label());
                    correct += right ? 1 : 0;
                    scored.add(new double[] {p.confidence(), right ? 1 : 0, isOutOfScope(e.label()) ? 1 : 0, isOutOfScope(best) ? 1 : 0});
                }
                threshold = chooseThreshold(scored);
                heldOutCount = heldOut.size();
                heldOutAccuracy = (double) correct / heldOut.size();
            }
        }
        Map<String, String> manifest = new LinkedHashMap<>(settings.features().toManifest());
        manifest.put(IntentModel.THRESHOLD, Double.toString(threshold));
        manifest.put(IntentModel.AMBIGUITY, Double.toString(settings.ambiguityMargin()));
        manifest.put("parley.training.algorithm", settings.algorithm());
        manifest.put("parley.training.iterations", Integer.toString(settings.iterations()));
        manifest.put("parley.training.cutoff", Integer.toString(settings.cutoff()));
        manifest.put("parley.training.l2Cost", Double.toString(settings.l2Cost()));
        manifest.put("parley.training.validationShare", Double.toString(settings.validationShare()));
        manifest.put("parley.training.heldOutAccuracy", Double.toString(heldOutAccuracy));
        manifest.put("parley.data.source", data.source());
        manifest.put("parley.data.examples", Integer.toString(all.size()));
        manifest.put("parley.data.sha256", hash(all));
        IntentModel model = new IntentModel(fit(all, manifest));
        return new Outcome(model, threshold, heldOutCount, heldOutAccuracy, (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean isOutOfScope(String intent) {
        return IntentModel.OUT_OF_SCOPE_LABELS.contains(intent.toLowerCase(Locale.ROOT));
    }

    /**
     * With out-of-scope examples held out: the threshold that gets the most held-out examples right
     * (in-scope answered correctly, out-of-scope refused). Without: the highest threshold that still
     * keeps {@link #KEEP_CORRECT} of the correct held-out answers.
     */
    static double chooseThreshold(List<double[]> scored) {
        boolean hasOutOfScope = scored.stream().anyMatch(s -> s[2] == 1);
        if (!hasOutOfScope) {
            List<Double> correct = new ArrayList<>();
            scored.stream().filter(s -> s[1] == 1).forEach(s -> correct.add(s[0]));
            if (correct.isEmpty()) {
                return 0;
            }
            Collections.sort(correct);
            return correct.get((int) Math.floor((1 - KEEP_CORRECT) * correct.size()));
        }
        double best = 0;
        int bestRight = -1;
        for (double[] candidate : scored) {
            double t = candidate[0];
            int right = 0;
            for (double[] s : scored) {
                boolean refused = s[0] < t || s[3] == 1;
                right += s[2] == 1 ? (refused ? 1 : 0) : (!refused && s[1] == 1 ? 1 : 0);
            }
            if (right > bestRight || right == bestRight && t < best) {
                bestRight = right;
                best = t;
            }
        }
        return best;
    }

    /** Holds out {@code validationShare} of each intent's examples (at least one stays for training). */
    private List<List<TrainingExample>> split(List<TrainingExample> all) {
        Map<String, List<TrainingExample>> byIntent = new LinkedHashMap<>();
        all.forEach(e -> byIntent.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e));
        Random random = new Random(settings.seed());
        List<TrainingExample> train = new ArrayList<>();
        List<TrainingExample> heldOut = new ArrayList<>();
        for (List<TrainingExample> examples : byIntent.values()) {
            List<TrainingExample> shuffled = new ArrayList<>(examples);
            Collections.shuffle(shuffled, random);
            int hold = Math.min(shuffled.size() - 1, (int) Math.round(shuffled.size() * settings.validationShare()));
            heldOut.addAll(shuffled.subList(0, hold));
            train.addAll(shuffled.subList(hold, shuffled.size()));
        }
        return List.of(train, heldOut);
    }

    private DoccatModel fit(List<TrainingExample> examples, Map<String, String> manifest) throws IOException {
        TrainingParameters p = TrainingParameters.defaultParams();
        p.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        p.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        p.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        p.put(TrainingParameters.THREADS_PARAM, Math.max(1, Runtime.getRuntime().availableProcessors()));
        if ("MAXENT_QN".equals(settings.algorithm())) {
            p.put("L1Cost", 0.0);
            p.put("L2Cost", settings.l2Cost());
        }
        Map<String, String> info = new HashMap<>(manifest);
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, info);
        FeatureGenerator[] generators = {new BagOfWordsFeatureGenerator()};
        MaxentModel maxent = trainer.train(new DocumentCategorizerEventStream(new Samples(examples, settings.features()), generators));
        return new DoccatModel("en", maxent, info, new DoccatFactory(generators));
    }

    private static String hash(List<TrainingExample> examples) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (TrainingExample e : examples) {
                sha.update((e.label() + "\t" + e.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Build entry point: trains from a CSV or YAML file and writes the model file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IntentTrainer <training.csv|yaml> <model.bin>");
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        TrainingData data = TrainingData.read(in);
        Outcome outcome = withDefaults().train(data);
        write(outcome.model(), out);
        System.out.printf(Locale.ROOT, "Trained %d intents from %d examples in %s -> %s (%d ms; held-out accuracy %.3f, threshold %.3f)%n",
                data.intentCounts().size(), data.examples().size(), in.getFileName(), out, outcome.millis(),
                outcome.heldOutAccuracy(), outcome.threshold());
    }

    /** Writes the model atomically: a half-written model file never replaces a good one. */
    public static void write(IntentModel model, Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            model.write(os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Feeds training examples to OpenNLP as documents made of Parley's feature strings. */
    private static final class Samples implements ObjectStream<DocumentSample> {
        private final List<TrainingExample> examples;
        private final FeatureSettings features;
        private Iterator<TrainingExample> it;

        Samples(List<TrainingExample> examples, FeatureSettings features) {
            this.examples = examples;
            this.features = features;
            this.it = examples.iterator();
        }

        @Override
        public DocumentSample read() {
            if (!it.hasNext()) {
                return null;
            }
            TrainingExample e = it.next();
            return new DocumentSample(e.label(), IntentFeatures.of(e.text(), features));
        }

        @Override
        public void reset() {
            it = examples.iterator();
        }
    }
}
