package org.parley.camel.crm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.Part;
import org.parley.health.PartCheck;
import org.parley.health.PartHealth;

/**
 * Health of an optional part: the external CRM lookup. Degraded while its circuit breaker is open (the CRM failed
 * recently and is not asked); callers are then routed on the local customer store.
 */
@Part
@ApplicationScoped
public class CrmCheck extends PartCheck {

    private volatile Supplier<String> breaker;

    public CrmCheck() {
        super(PartHealth.optional("crm", "not started"));
    }

    /** The lookup's circuit breaker state (CLOSED, OPEN, HALF_OPEN, ...), once the route runs. */
    void breaker(Supplier<String> state) {
        this.breaker = state;
    }

    @Override
    public HealthCheckResponse call() {
        String state = breaker == null ? null : breaker.get();
        // null: the breaker is made at the first lookup, so nothing has failed yet
        if (state != null && !state.equals("CLOSED")) {
            return PartHealth.response("crm", false, false, "circuit " + state.toLowerCase(Locale.ROOT)
                    + ": the CRM failed recently; callers are routed on the local customer store");
        }
        return super.call();
    }
}
