package org.parley.camel.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.camel.boot.CamelBootstrap;
import org.parley.ivr.crm.CrmGateway;

/** Callers not cached, asked of the CRM through {@code direct:crm-lookup} (timeout and circuit breaker in {@link CrmLookupRoutes}). */
@ApplicationScoped
public class CamelCrmGateway implements CrmGateway {

    @Inject
    CamelBootstrap camel;

    @Inject
    CrmWiring wiring;

    @Override
    public boolean configured() {
        return wiring.lookupConfigured();
    }

    @Override
    public Result lookup(String e164) {
        if (!configured()) {
            return Result.unavailable("no CRM lookup configured");
        }
        try {
            Result r = camel.producer().requestBody(CrmLookupRoutes.ENDPOINT, e164, Result.class);
            return r == null ? Result.unavailable("no answer") : r;
        } catch (RuntimeException e) {
            return Result.unavailable(e.toString());
        }
    }
}
