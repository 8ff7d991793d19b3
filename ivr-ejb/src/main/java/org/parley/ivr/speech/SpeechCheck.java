package org.parley.ivr.speech;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.Part;
import org.parley.health.PartHealth;

/**
 * Health of speech recognition: not ready while the recogniser loads (a caller would not be heard);
 * degraded, not down, when it failed to load (callers can still press keys) or speech is off.
 */
@Part
@ApplicationScoped
public class SpeechCheck implements HealthCheck {

    @Inject
    SpeechService speech;

    @Override
    public HealthCheckResponse call() {
        SpeechService.Loading loading = speech.loading();
        return switch (loading.state()) {
            case LOADING -> PartHealth.response("speech", true, false, loading.detail());
            case LOADED, OFF -> PartHealth.response("speech", false, true, loading.detail());
            case FAILED -> PartHealth.response("speech", false, false, loading.detail());
        };
    }
}
