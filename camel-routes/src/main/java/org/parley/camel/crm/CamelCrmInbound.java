package org.parley.camel.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelExecutionException;
import org.parley.camel.boot.CamelBootstrap;
import org.parley.ivr.crm.CrmInbound;

/** The CRM's REST writes into {@code direct:crm-inbound}; a write that comes before the routes have started waits for them. */
@ApplicationScoped
public class CamelCrmInbound implements CrmInbound {

    @Inject
    CamelBootstrap camel;

    @Override
    public boolean send(Command command) {
        try {
            return Boolean.TRUE.equals(camel.producer().requestBody(CrmInboundRoutes.ENDPOINT, command));
        } catch (CamelExecutionException e) {
            // Hand the store's own error (e.g. the field errors of a bad payload) back to the REST layer.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
