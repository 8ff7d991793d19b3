package org.parley.nlp;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.parley.nlp.entity.Entity;
import org.parley.nlp.entity.EntityExtractor;
import org.parley.nlp.entity.NameFinder;
import org.parley.nlp.intent.IntentModel;
import org.parley.nlp.sentiment.SentimentModel;

/**
 * Everything Parley understands from one utterance — intent, sentiment, entities — from the
 * models it is given. Thread-safe; build once and share.
 */
public final class Understander {

    private final IntentModel intents;
    private final SentimentModel sentiment;
    private final EntityExtractor entities = new EntityExtractor();
    private final NameFinder names;

    public Understander(IntentModel intents, SentimentModel sentiment, NameFinder names) {
        this.intents = intents;
        this.sentiment = sentiment;
        this.names = names;
    }

    /** The models shipped in ivr-nlp. */
    public static Understander defaults() throws IOException {
        return new Understander(IntentModel.defaultModel(), SentimentModel.defaultModel(), NameFinder.defaultFinder());
    }

    public IntentModel intents() {
        return intents;
    }

    public ParseResult understand(String text, LocalDate today) {
        List<Entity> found = new ArrayList<>(entities.extract(text, today));
        found.addAll(names.find(text));
        return ParseResult.of(text, intents.classify(text), sentiment.score(text), found);
    }
}
