package org.parley.camel.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.boot.RouteFamily;
import org.parley.ivr.events.EventDelivery;
import org.parley.ivr.events.EventOutbox;

/** Call events to the configured webhooks ({@code parley.events.*}): the outbox poller, when any target is configured. */
@ApplicationScoped
public class EventWiring implements RouteFamily {

    private static final System.Logger LOG = System.getLogger(EventWiring.class.getName());

    @Inject
    EventOutbox outbox;

    @Inject
    EventDelivery delivery;

    /** How often the event outbox is polled for due deliveries. */
    @Inject
    @ConfigProperty(name = "parley.events.poll-ms", defaultValue = "500")
    long pollMillis;

    @Override
    public void addTo(CamelContext camel) throws Exception {
        if (!outbox.targets().isEmpty()) {
            camel.addRoutes(new EventDeliveryRoutes(delivery, pollMillis));
            LOG.log(Level.INFO, "Call events go to {0}", outbox.targets());
        }
    }
}
