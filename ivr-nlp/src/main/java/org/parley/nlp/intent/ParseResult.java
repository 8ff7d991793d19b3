package org.parley.nlp.intent;

import java.util.List;

/**
 * What "parse" answers for one utterance, the same for {@code bin/parley nlu parse} and
 * {@code POST /api/nlu/parse}: the intent ({@code out_of_scope} below the model's threshold), its
 * confidence, whether the top two were too close, and the top three.
 */
public record ParseResult(String text, String intent, double confidence, boolean ambiguous, List<IntentPrediction.Scored> top) {

    public static ParseResult of(String text, IntentPrediction p) {
        return new ParseResult(text, p.intent(), p.confidence(), p.ambiguous(), p.ranked());
    }
}
