package org.parley.health;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The health of one part of Parley, kept by the part itself and reported by its {@link Part} health check
 * (MicroProfile Health's {@code HealthCheck}). A <em>required</em> part (database, rules, language models, the FastAGI listener) that is not up
 * makes the node not ready: no new calls should be sent to it. An <em>optional</em> part (the AMI link, the
 * external CRM, speech) that is not up leaves the node ready but degraded: its check stays {@code UP} and says
 * {@code "degraded": true}, so a lost AMI link never takes a node that can still route calls out of service.
 * Thread-safe.
 */
public final class PartHealth {

    private final String name;
    private final boolean required;
    private volatile boolean up;
    private volatile String detail;

    private PartHealth(String name, boolean required, boolean up, String detail) {
        this.name = name;
        this.required = required;
        this.up = up;
        this.detail = detail;
    }

    /** A part calls cannot do without; down until it says it is up. */
    public static PartHealth required(String name, String detail) {
        return new PartHealth(name, true, false, detail);
    }

    /** A part calls can do without; degraded until it says it is up. */
    public static PartHealth optional(String name, String detail) {
        return new PartHealth(name, false, false, detail);
    }

    public void up(String detail) {
        this.detail = detail;
        this.up = true;
    }

    public void down(String detail) {
        this.detail = detail;
        this.up = false;
    }

    public boolean isUp() {
        return up;
    }

    /** The state now, as a MicroProfile Health check answers it. */
    public HealthCheckResponse response() {
        return response(name, required, up, detail);
    }

    /** A check's answer for a part whose state is worked out on the spot. */
    public static HealthCheckResponse response(String name, boolean required, boolean up, String detail) {
        HealthCheckResponse.Status status = up || !required ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
        // The constructor, not HealthCheckResponse.named(): the builder needs the server's provider, and parts are
        // also checked without the server (tests, the console's summary).
        return new HealthCheckResponse(name, status, Optional.of(Map.of("detail", detail == null ? "" : detail,
                "required", required, "degraded", !up && !required)));
    }
}
