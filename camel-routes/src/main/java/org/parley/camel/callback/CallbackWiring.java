package org.parley.camel.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.ami.AmiWiring;
import org.parley.camel.boot.RouteFamily;
import org.parley.ivr.callback.Callbacks;

/**
 * Callbacks offered to waiting callers, placed over the manager link ({@code parley.callback.*});
 * without a manager link none are placed (they wait in the table).
 */
@ApplicationScoped
public class CallbackWiring implements RouteFamily {

    @Inject
    Callbacks callbacks;

    @Inject
    AmiWiring ami;

    /** The channel a callback is placed on; {number} is the caller's number. */
    @Inject
    @ConfigProperty(name = "parley.callback.channel", defaultValue = "Local/{number}@parley-outbound")
    String channel;

    @Inject
    @ConfigProperty(name = "parley.callback.context", defaultValue = "parley-callback")
    String context;

    @Override
    public void addTo(CamelContext camel) throws Exception {
        if (ami.configured()) {
            camel.addRoutes(new CallbackRoutes(callbacks, () -> ami.connection(camel), channel, context));
        }
    }
}
