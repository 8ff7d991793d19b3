package org.parley.tools;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.time.LocalDate;
import org.parley.nlp.Understander;
import org.parley.nlp.entity.Entity;
import org.parley.nlp.entity.NameFinder;
import org.parley.nlp.intent.EvaluationReport;
import org.parley.nlp.intent.IntentEvaluator;
import org.parley.nlp.intent.IntentModel;
import org.parley.nlp.intent.IntentPrediction;
import org.parley.nlp.intent.IntentTrainer;
import org.parley.nlp.ParseResult;
import org.parley.nlp.intent.TrainerSettings;
import org.parley.nlp.intent.TrainingData;
import org.parley.nlp.intent.TrainingDataException;
import org.parley.nlp.sentiment.SentimentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley nlu}: train, evaluate and try intent models. */
@Command(name = "nlu", mixinStandardHelpOptions = true, description = "Train, evaluate and try intent models.",
        subcommands = {NluCommand.Train.class, NluCommand.Eval.class, NluCommand.Parse.class})
final class NluCommand {

    static IntentModel load(Path model) throws Exception {
        try (InputStream in = Files.newInputStream(model)) {
            return IntentModel.read(in);
        }
    }

    /** {@code parley nlu train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train an intent model from a CSV (text,intent) or YAML (intent: [examples]) file.")
    static final class Train implements Callable<Integer> {

        @Option(names = "--data", required = true, description = "Training file (.csv, .yaml, .yml).")
        Path data;

        @Option(names = "--out", required = true, description = "Model file to write.")
        Path out;

        @Option(names = "--validation", defaultValue = "0.1", description = "Share held out to choose the out-of-scope threshold (default ${DEFAULT-VALUE}).")
        double validation;

        @Override
        public Integer call() throws Exception {
            TrainingData training;
            try {
                training = TrainingData.read(data);
            } catch (TrainingDataException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            IntentTrainer.Outcome outcome = new IntentTrainer(TrainerSettings.DEFAULT.withValidationShare(validation)).train(training);
            IntentTrainer.write(outcome.model(), out);
            System.out.printf(Locale.ROOT, "trained %d intents from %d examples in %.1f s -> %s%n", training.intentCounts().size(),
                    training.examples().size(), outcome.millis() / 1000.0, out);
            System.out.printf(Locale.ROOT, "held out %d examples: accuracy %.4f; out-of-scope threshold %.4f%n",
                    outcome.heldOut(), outcome.heldOutAccuracy(), outcome.threshold());
            return 0;
        }
    }

    /** {@code parley nlu eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true, description = "Score a model on labelled data it was not trained on.")
    static final class Eval implements Callable<Integer> {

        @Option(names = "--model", required = true, description = "Model file.")
        Path model;

        @Option(names = "--data", required = true, description = "Labelled file (.csv, .yaml, .yml).")
        Path data;

        @Option(names = "--json", description = "Print one JSON object on stdout.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            TrainingData test;
            try {
                test = TrainingData.read(data, 1);
            } catch (TrainingDataException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            EvaluationReport r = IntentEvaluator.evaluate(load(model), test);
            if (json) {
                System.out.println(toJson(r));
                return 0;
            }
            System.out.printf(Locale.ROOT, "%d examples: accuracy %.4f (top-1, ignoring the threshold: %.4f), macro-F1 %.4f%n",
                    r.examples(), r.accuracy(), r.top1Accuracy(), r.macroF1());
            if (!Double.isNaN(r.outOfScopeRecall())) {
                System.out.printf(Locale.ROOT, "out of scope: recall %.4f, precision %.4f; in-scope accuracy %.4f%n",
                        r.outOfScopeRecall(), r.outOfScopePrecision(), r.inScopeAccuracy());
            }
            System.out.printf(Locale.ROOT, "latency per utterance: p50 %.1f us, p99 %.1f us%n", r.latencyP50Micros(), r.latencyP99Micros());
            System.out.println("most confused (expected -> predicted):");
            r.confusions().forEach(c -> System.out.printf("  %4d  %s -> %s%n", c.count(), c.expected(), c.predicted()));
            System.out.println("per intent (precision recall f1 support):");
            r.perIntent().forEach((intent, s) -> System.out.printf(Locale.ROOT, "  %-40s %.3f %.3f %.3f %d%n",
                    intent, s.precision(), s.recall(), s.f1(), s.support()));
            return 0;
        }

        static JsonObject toJson(EvaluationReport r) {
            JsonObjectBuilder perIntent = Json.createObjectBuilder();
            for (Map.Entry<String, EvaluationReport.IntentScore> e : r.perIntent().entrySet()) {
                perIntent.add(e.getKey(), Json.createObjectBuilder().add("precision", e.getValue().precision())
                        .add("recall", e.getValue().recall()).add("f1", e.getValue().f1()).add("support", e.getValue().support()));
            }
            JsonArrayBuilder confusions = Json.createArrayBuilder();
            r.confusions().forEach(c -> confusions.add(Json.createObjectBuilder()
                    .add("expected", c.expected()).add("predicted", c.predicted()).add("count", c.count())));
            JsonObjectBuilder o = Json.createObjectBuilder().add("examples", r.examples()).add("accuracy", r.accuracy())
                    .add("top1Accuracy", r.top1Accuracy()).add("macroF1", r.macroF1());
            addNumber(o, "outOfScopeRecall", r.outOfScopeRecall());
            addNumber(o, "outOfScopePrecision", r.outOfScopePrecision());
            addNumber(o, "inScopeAccuracy", r.inScopeAccuracy());
            return o.add("latencyP50Micros", r.latencyP50Micros()).add("latencyP99Micros", r.latencyP99Micros())
                    .add("confusions", confusions).add("perIntent", perIntent).build();
        }

        private static void addNumber(JsonObjectBuilder o, String name, double value) {
            if (Double.isNaN(value)) {
                o.addNull(name);
            } else {
                o.add(name, value);
            }
        }
    }

    /** {@code parley nlu parse}. */
    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Intent, sentiment and entities of an utterance; with no text, read one utterance per line from stdin and print one JSON line each.")
    static final class Parse implements Callable<Integer> {

        @Option(names = "--model", description = "Model file (default: the shipped banking/telecom model).")
        Path model;

        @Parameters(arity = "0..*", description = "The utterance (words may be given unquoted).")
        String[] words;

        @Override
        public Integer call() throws Exception {
            Understander nlu = new Understander(model == null ? IntentModel.defaultModel() : load(model), SentimentModel.defaultModel(),
                    NameFinder.defaultFinder());
            LocalDate today = LocalDate.now();
            if (words != null && words.length > 0) {
                String text = String.join(" ", words);
                ParseResult r = nlu.understand(text, today);
                System.out.printf(Locale.ROOT, "intent %s (confidence %.3f%s)%n", r.intent(), r.confidence(), r.ambiguous() ? ", ambiguous" : "");
                r.top().forEach(s -> System.out.printf(Locale.ROOT, "  %-40s %.3f%n", s.intent(), s.probability()));
                System.out.printf(Locale.ROOT, "sentiment %s (%.2f)%n", r.sentiment().label(), r.sentiment().score());
                r.entities().forEach(e -> System.out.printf("entity %s = %s (\"%s\")%n", e.type(), e.value(), e.text()));
                return 0;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
            String line;
            while ((line = in.readLine()) != null) {
                out.println(toJson(nlu.understand(line, today)));
            }
            out.flush();
            return 0;
        }

        static JsonObject toJson(ParseResult r) {
            JsonArrayBuilder top = Json.createArrayBuilder();
            for (IntentPrediction.Scored s : r.top()) {
                top.add(Json.createObjectBuilder().add("intent", s.intent()).add("probability", s.probability()));
            }
            JsonArrayBuilder entities = Json.createArrayBuilder();
            for (Entity e : r.entities()) {
                entities.add(Json.createObjectBuilder().add("type", e.type().name()).add("value", e.value()).add("text", e.text()));
            }
            return Json.createObjectBuilder().add("text", r.text()).add("intent", r.intent()).add("confidence", r.confidence())
                    .add("ambiguous", r.ambiguous()).add("top", top)
                    .add("sentiment", Json.createObjectBuilder().add("label", r.sentiment().label()).add("score", r.sentiment().score()))
                    .add("entities", entities).build();
        }
    }
}
