package org.parley.ivr.nlu;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import org.parley.nlp.Understander;
import org.parley.nlp.ParseResult;

/**
 * Understands what callers say — intent, sentiment, entities — with the models shipped in ivr-nlp,
 * loaded once at start-up. Thread-safe.
 */
@ApplicationScoped
public class LanguageService {

    private static final System.Logger LOG = System.getLogger(LanguageService.class.getName());

    private final Clock clock = Clock.systemDefaultZone();
    private Understander understander;

    void onStartup(@Observes Startup startup) {
        // Observing Startup is what matters: CDI creates the bean now, and @PostConstruct loads the models.
    }

    @PostConstruct
    void loadModels() {
        try {
            understander = Understander.defaults();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped language models", e);
        }
        LOG.log(Level.INFO, "Language models loaded: {0} intents, out-of-scope below {1}, sentiment and entities",
                understander.intents().intents().size(), understander.intents().threshold());
    }

    public Understander understander() {
        return understander;
    }

    /** Intent, sentiment and entities of one utterance; relative dates are resolved against today. */
    public ParseResult understand(String text) {
        return understander.understand(text, LocalDate.now(clock));
    }
}
