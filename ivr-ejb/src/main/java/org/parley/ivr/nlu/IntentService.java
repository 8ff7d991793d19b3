package org.parley.ivr.nlu;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import org.parley.nlp.intent.IntentModel;
import org.parley.nlp.intent.IntentPrediction;

/** Classifies what callers say with the intent model shipped in ivr-nlp. Thread-safe. */
@ApplicationScoped
public class IntentService {

    private static final System.Logger LOG = System.getLogger(IntentService.class.getName());

    private IntentModel model;

    void onStartup(@Observes Startup startup) {
        model();
    }

    @PostConstruct
    void loadModel() {
        try {
            model = IntentModel.defaultModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped intent model", e);
        }
        LOG.log(Level.INFO, "Intent model loaded: {0} intents", model.intents().size());
    }

    public IntentModel model() {
        return model;
    }

    public IntentPrediction classify(String text) {
        return model.classify(text);
    }
}
