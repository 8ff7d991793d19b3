package org.parley.nlp.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores an {@link IntentModel} on labelled examples it was not trained on. */
public final class IntentEvaluator {

    private static final int CONFUSIONS = 10;

    private IntentEvaluator() {
    }

    public static EvaluationReport evaluate(IntentModel model, TrainingData data) {
        return evaluate(text -> {
            IntentPrediction p = model.classify(text);
            return new String[] {p.intent(), p.ranked().isEmpty() ? "" : p.ranked().get(0).intent()};
        }, data);
    }

    /**
     * Scores any classifier: {@code classify} answers {predicted label, best label ignoring any
     * threshold}. Used for intents and for sentiment.
     */
    public static EvaluationReport evaluate(java.util.function.Function<String, String[]> classify, TrainingData data) {
        List<TrainingExample> examples = data.examples();
        Map<String, int[]> counts = new HashMap<>(); // intent -> {tp, fp, fn}
        Map<String, Integer> confused = new HashMap<>();
        double[] micros = new double[examples.size()];
        int correct = 0;
        int top1 = 0;
        int oosTotal = 0;
        int oosCaught = 0;
        int oosPredicted = 0;
        int oosPredictedRight = 0;
        int inScope = 0;
        int inScopeRight = 0;
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample e = examples.get(i);
            long t0 = System.nanoTime();
            String[] answer = classify.apply(e.text());
            micros[i] = (System.nanoTime() - t0) / 1000.0;
            String expected = canonical(e.label());
            String predicted = canonical(answer[0]);
            String best = canonical(answer[1]);
            top1 += best.equals(expected) ? 1 : 0;
            boolean right = predicted.equals(expected);
            correct += right ? 1 : 0;
            if (expected.equals(IntentModel.OUT_OF_SCOPE)) {
                oosTotal++;
                oosCaught += right ? 1 : 0;
            } else {
                inScope++;
                inScopeRight += right ? 1 : 0;
            }
            if (predicted.equals(IntentModel.OUT_OF_SCOPE)) {
                oosPredicted++;
                oosPredictedRight += right ? 1 : 0;
            }
            if (right) {
                counts.computeIfAbsent(expected, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
                counts.computeIfAbsent(expected, k -> new int[3])[2]++;
                confused.merge(expected + "\u0000" + predicted, 1, Integer::sum);
            }
        }
        Map<String, EvaluationReport.IntentScore> perIntent = new TreeMap<>();
        double f1Sum = 0;
        TreeSet<String> labels = new TreeSet<>();
        examples.forEach(e -> labels.add(canonical(e.label())));
        for (String intent : labels) {
            int[] c = counts.getOrDefault(intent, new int[3]);
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perIntent.put(intent, new EvaluationReport.IntentScore(precision, recall, f1, c[0] + c[2]));
            f1Sum += f1;
        }
        List<EvaluationReport.Confusion> confusions = new ArrayList<>();
        confused.forEach((k, v) -> {
            String[] pair = k.split("\u0000", -1);
            confusions.add(new EvaluationReport.Confusion(pair[0], pair[1], v));
        });
        confusions.sort(Comparator.comparingInt(EvaluationReport.Confusion::count).reversed()
                .thenComparing(EvaluationReport.Confusion::expected).thenComparing(EvaluationReport.Confusion::predicted));
        Arrays.sort(micros);
        int n = examples.size();
        return new EvaluationReport(n, (double) correct / n, (double) top1 / n, f1Sum / labels.size(), perIntent,
                List.copyOf(confusions.subList(0, Math.min(CONFUSIONS, confusions.size()))),
                oosTotal == 0 ? Double.NaN : (double) oosCaught / oosTotal,
                oosTotal == 0 ? Double.NaN : oosPredicted == 0 ? 0 : (double) oosPredictedRight / oosPredicted,
                inScope == 0 ? Double.NaN : (double) inScopeRight / inScope,
                percentile(micros, 50), percentile(micros, 99));
    }

    private static String canonical(String intent) {
        return IntentModel.OUT_OF_SCOPE_LABELS.contains(intent.toLowerCase(Locale.ROOT)) ? IntentModel.OUT_OF_SCOPE : intent;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
