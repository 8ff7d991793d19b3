package org.parley.camel.events;

import org.apache.camel.builder.RouteBuilder;
import org.parley.ivr.events.EventDelivery;

/**
 * Polls the event outbox and delivers what is due, in batches, until nothing due is left; a slow
 * or failing webhook only delays its own events (each has its own retry time).
 */
public class EventDeliveryRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "event-outbox";
    private static final int BATCH = 100;
    private static final int MAX_BATCHES_PER_TICK = 5;

    private final EventDelivery delivery;
    private final long pollMillis;

    public EventDeliveryRoutes(EventDelivery delivery, long pollMillis) {
        this.delivery = delivery;
        this.pollMillis = pollMillis;
    }

    @Override
    public void configure() {
        from("timer:event-outbox?delay=1000&period=" + pollMillis)
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    // A few batches per tick at most, so stopping the route (undeploy) never waits long.
                    for (int i = 0; i < MAX_BATCHES_PER_TICK && !exchange.getContext().isStopping(); i++) {
                        if (delivery.deliverDue(BATCH) < BATCH) {
                            break;
                        }
                    }
                });
    }
}
