package org.parley.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /health/ready} on the management port: what a load balancer or Kubernetes asks before sending
 * calls): DOWN until the parts are known and while any part calls need is down (database, rules, language models,
 * FastAGI, speech still loading); an optional part that is down (AMI, the CRM) leaves it UP. Each part's state is in
 * the answer's data.
 *
 * <p>WildFly registers MicroProfile Health checks of an EAR only from its libraries, which cannot see the beans of
 * its modules; the web module, which sees them all, hands this check the parts' checks with {@link #parts}.
 */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {

    private final AtomicReference<Supplier<List<HealthCheck>>> parts = new AtomicReference<>();

    /** Where the parts' checks come from (called once the application has started). */
    public void parts(Supplier<List<HealthCheck>> checks) {
        parts.set(checks);
    }

    @Override
    public HealthCheckResponse call() {
        Supplier<List<HealthCheck>> checks = parts.get();
        if (checks == null) {
            return PartHealth.response("parley", true, false, "starting: the parts are not known yet");
        }
        Map<String, ComponentStatus> states = new TreeMap<>();
        for (HealthCheck check : checks.get()) {
            HealthCheckResponse response = check.call();
            states.put(response.getName(), ComponentStatus.of(response));
        }
        Map<String, Object> data = new TreeMap<>();
        states.forEach((name, state) -> data.put(name, (state.up() ? "up" : state.required() ? "down" : "degraded") + ": " + state.detail()));
        return new HealthCheckResponse("parley", ComponentStatus.takesCalls(states.values()) ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
