package org.parley.nlp;

import java.util.List;
import org.parley.nlp.intent.IntentPrediction;
import org.parley.nlp.entity.Entity;
import org.parley.nlp.sentiment.SentimentScore;

/**
 * What "parse" answers for one utterance, the same for {@code bin/parley nlu parse} and
 * {@code POST /api/nlu/parse}: the intent ({@code out_of_scope} below the model's threshold), its
 * confidence, whether the top two were too close, the top three, the sentiment and the entities.
 */
public record ParseResult(String text, String intent, double confidence, boolean ambiguous, List<IntentPrediction.Scored> top,
                          SentimentScore sentiment, List<Entity> entities) {

    public ParseResult {
        top = List.copyOf(top);
        entities = List.copyOf(entities);
    }

    public static ParseResult of(String text, IntentPrediction p, SentimentScore sentiment, List<Entity> entities) {
        return new ParseResult(text, p.intent(), p.confidence(), p.ambiguous(), p.ranked(), sentiment, entities);
    }

    /** The intent prediction this result was made from. */
    public IntentPrediction prediction() {
        return new IntentPrediction(intent, confidence, top, ambiguous);
    }
}
