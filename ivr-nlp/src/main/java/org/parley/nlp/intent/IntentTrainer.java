package org.parley.nlp.intent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains an {@link IntentModel} with OpenNLP's maximum-entropy document categoriser over word
 * unigrams and bigrams of {@link TextNormalizer} tokens. Also the build step that trains the shipped
 * model: {@code IntentTrainer <training.csv> <model.bin>}.
 */
public final class IntentTrainer {

    private final TrainingParameters parameters;

    public IntentTrainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    /** Maxent, 300 iterations, features seen at least once. */
    public static IntentTrainer withDefaults() {
        TrainingParameters p = TrainingParameters.defaultParams();
        p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        p.put(TrainingParameters.ITERATIONS_PARAM, 300);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        return new IntentTrainer(p);
    }

    public IntentModel train(TrainingData data) throws IOException {
        FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
        DoccatModel model = DocumentCategorizerME.train("en", new SampleStream(data), parameters, new DoccatFactory(features));
        return new IntentModel(model);
    }

    /** Build entry point: trains from a CSV file and writes the model file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IntentTrainer <training.csv> <model.bin>");
        }
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        TrainingData data;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            data = TrainingData.readCsv(csv.getFileName().toString(), reader);
        }
        IntentModel model = withDefaults().train(data);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            model.write(os);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("Trained %d intents from %d examples in %s -> %s%n",
                data.intentCounts().size(), data.examples().size(), csv.getFileName(), out);
    }

    /** Feeds training examples to OpenNLP as tokenised document samples. */
    private static final class SampleStream implements ObjectStream<DocumentSample> {
        private final TrainingData data;
        private Iterator<TrainingExample> it;

        SampleStream(TrainingData data) {
            this.data = data;
            this.it = data.examples().iterator();
        }

        @Override
        public DocumentSample read() {
            if (!it.hasNext()) {
                return null;
            }
            TrainingExample e = it.next();
            return new DocumentSample(e.intent(), TextNormalizer.tokens(e.text()));
        }

        @Override
        public void reset() {
            it = data.examples().iterator();
        }
    }
}
