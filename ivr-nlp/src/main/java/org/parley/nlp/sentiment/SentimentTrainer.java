package org.parley.nlp.sentiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.parley.nlp.intent.EvaluationReport;
import org.parley.nlp.intent.IntentEvaluator;
import org.parley.nlp.intent.TrainingData;
import org.parley.nlp.intent.TrainingExample;

/**
 * Trains the sentiment model (OpenNLP maxent, L-BFGS) on labelled utterances, holding out a
 * stratified test part that it reports on. Build entry point:
 * {@code SentimentTrainer <sentiment.csv> <sentiment.bin>}.
 */
public final class SentimentTrainer {

    /** Share of each label held out for the reported test figures. */
    public static final double TEST_SHARE = 0.2;

    private SentimentTrainer() {
    }

    /** The model trained on the training part and how it did on the held-out test part. */
    public record Outcome(SentimentModel model, EvaluationReport test, int trained) {
    }

    public static Outcome train(TrainingData data, long seed) throws IOException {
        Map<String, List<TrainingExample>> byLabel = new LinkedHashMap<>();
        data.examples().forEach(e -> byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e));
        Random random = new Random(seed);
        List<TrainingExample> train = new ArrayList<>();
        List<TrainingExample> test = new ArrayList<>();
        for (List<TrainingExample> examples : byLabel.values()) {
            List<TrainingExample> shuffled = new ArrayList<>(examples);
            Collections.shuffle(shuffled, random);
            int hold = (int) Math.round(shuffled.size() * TEST_SHARE);
            test.addAll(shuffled.subList(0, hold));
            train.addAll(shuffled.subList(hold, shuffled.size()));
        }
        SentimentModel model = new SentimentModel(fit(train, data.source()));
        EvaluationReport report = IntentEvaluator.evaluate(text -> {
            String label = model.score(text).label();
            return new String[] {label, label};
        }, TrainingData.examplesOf(data.source() + " (held-out test part)", test));
        return new Outcome(model, report, train.size());
    }

    private static DoccatModel fit(List<TrainingExample> examples, String source) throws IOException {
        TrainingParameters p = TrainingParameters.defaultParams();
        p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        p.put(TrainingParameters.ITERATIONS_PARAM, 100);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put("L1Cost", 0.0);
        p.put("L2Cost", 0.5);
        Map<String, String> info = new HashMap<>();
        info.put("parley.data.source", source);
        info.put("parley.data.examples", Integer.toString(examples.size()));
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, info);
        FeatureGenerator[] generators = {new BagOfWordsFeatureGenerator()};
        Iterator<TrainingExample>[] it = new Iterator[] {examples.iterator()};
        ObjectStream<DocumentSample> samples = new ObjectStream<>() {
            @Override
            public DocumentSample read() {
                if (!it[0].hasNext()) {
                    return null;
                }
                TrainingExample e = it[0].next();
                return new DocumentSample(e.label(), SentimentFeatures.of(e.text()));
            }

            @Override
            public void reset() {
                it[0] = examples.iterator();
            }
        };
        return new DoccatModel("en", trainer.train(new DocumentCategorizerEventStream(samples, generators)), info,
                new DoccatFactory(generators));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SentimentTrainer <sentiment.csv> <sentiment.bin>");
        }
        TrainingData data = TrainingData.read(Path.of(args[0]));
        Outcome outcome = train(data, 7L);
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            outcome.model().write(os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        EvaluationReport t = outcome.test();
        System.out.printf(Locale.ROOT, "Sentiment: trained on %d, held-out test %d: accuracy %.3f, macro-F1 %.3f -> %s%n",
                outcome.trained(), t.examples(), t.accuracy(), t.macroF1(), out);
    }
}
