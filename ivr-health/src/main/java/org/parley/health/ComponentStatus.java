package org.parley.health;

import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * One part of Parley as the console shows it: up or not, and a line saying what it is doing. A part that
 * is not {@code required} (the AMI link, the external CRM) can be down while calls are still taken: the
 * node is then DEGRADED, not DOWN.
 */
public record ComponentStatus(boolean up, String detail, boolean required) {

    /** Whether a node whose parts are in these states can take calls: every part calls need is up. */
    public static boolean takesCalls(Collection<ComponentStatus> parts) {
        return parts.stream().filter(ComponentStatus::required).allMatch(ComponentStatus::up);
    }

    /** What a part's health check answered ({@link PartHealth#response}). */
    public static ComponentStatus of(HealthCheckResponse response) {
        Map<String, Object> data = response.getData().orElse(Map.of());
        boolean required = !Boolean.FALSE.equals(data.get("required"));
        boolean up = response.getStatus() == HealthCheckResponse.Status.UP && !Boolean.TRUE.equals(data.get("degraded"));
        return new ComponentStatus(up, String.valueOf(data.getOrDefault("detail", "")), required);
    }
}
