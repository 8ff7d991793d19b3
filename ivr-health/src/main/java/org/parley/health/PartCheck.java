package org.parley.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The {@link Part} health check of a part that says how it is as it changes (a listener started, a link lost) rather
 * than being asked: the part's wiring sets {@link #state()}, the check reports it.
 */
public abstract class PartCheck implements HealthCheck {

    private final PartHealth state;

    protected PartCheck(PartHealth state) {
        this.state = state;
    }

    /** Where the part's own wiring says how it is. */
    public PartHealth state() {
        return state;
    }

    @Override
    public HealthCheckResponse call() {
        return state.response();
    }
}
