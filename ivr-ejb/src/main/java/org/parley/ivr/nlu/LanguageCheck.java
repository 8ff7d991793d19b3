package org.parley.ivr.nlu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.Part;
import org.parley.health.PartHealth;
import org.parley.nlp.Understander;

/** Health of a required part: the language models (intent, sentiment, entities) are loaded. */
@Part
@ApplicationScoped
public class LanguageCheck implements HealthCheck {

    @Inject
    LanguageService language;

    @Override
    public HealthCheckResponse call() {
        Understander understander = language.understander();
        return understander == null ? PartHealth.response("nlu", true, false, "language models not loaded yet")
                : PartHealth.response("nlu", true, true, understander.intents().intents().size() + " intents, sentiment, entities");
    }
}
