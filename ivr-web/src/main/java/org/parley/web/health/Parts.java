package org.parley.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.parley.health.ComponentStatus;
import org.parley.health.NodeReadiness;
import org.parley.health.Part;

/**
 * Every part's health check ({@link Part}), wherever in the EAR it lives: the web module sees them all, so it
 * hands them to the node's readiness probe when the application starts and reads them for the console.
 */
@ApplicationScoped
public class Parts {

    @Inject
    @Part
    Instance<HealthCheck> checks;

    @Inject
    @Readiness
    NodeReadiness readiness;

    void register(@Observes Startup startup) {
        readiness.parts(this::checks);
    }

    /** The parts' checks. */
    public List<HealthCheck> checks() {
        return checks.stream().toList();
    }

    /** Each part's state now, by name. */
    public Map<String, ComponentStatus> states() {
        Map<String, ComponentStatus> states = new TreeMap<>();
        for (HealthCheck check : checks) {
            HealthCheckResponse response = check.call();
            states.put(response.getName(), ComponentStatus.of(response));
        }
        return states;
    }
}
