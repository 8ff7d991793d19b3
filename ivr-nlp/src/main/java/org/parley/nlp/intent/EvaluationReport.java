package org.parley.nlp.intent;

import java.util.List;
import java.util.Map;

/**
 * How well a model did on labelled data. {@code accuracy} counts an {@code out_of_scope} answer as
 * a prediction (wrong for an in-scope example); {@code top1Accuracy} ignores the threshold.
 * Out-of-scope figures are NaN when the data has no {@code oos}/{@code out_of_scope} label.
 */
public record EvaluationReport(int examples, double accuracy, double top1Accuracy, double macroF1,
                               Map<String, IntentScore> perIntent, List<Confusion> confusions,
                               double outOfScopeRecall, double outOfScopePrecision, double inScopeAccuracy,
                               double latencyP50Micros, double latencyP99Micros) {

    /** Precision, recall and F1 of one intent, and how many examples had it. */
    public record IntentScore(double precision, double recall, double f1, int support) {
    }

    /** How often examples of {@code expected} were answered {@code predicted}. */
    public record Confusion(String expected, String predicted, int count) {
    }
}
