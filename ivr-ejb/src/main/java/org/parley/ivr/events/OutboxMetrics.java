package org.parley.ivr.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * The outbox as gauges: {@code parley.outbox.backlog} (events waiting to be delivered, retries included) and
 * {@code parley.outbox.dead} (dead letters an operator must look at). Counted in the database at most every
 * 10 seconds, however often Prometheus scrapes; NaN while the database cannot be asked.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final System.Logger LOG = System.getLogger(OutboxMetrics.class.getName());
    private static final long FRESH_NANOS = 10_000_000_000L;

    @Inject
    OutboxRows rows;

    private volatile long[] counts;
    private volatile long countedAt;

    void register(@Observes Startup startup, MeterRegistry registry) {
        // Call events waiting to be delivered, and those that could not be (dead letters); this bean holds the gauges' state.
        registry.gauge("parley.outbox.backlog", Tags.empty(), this, m -> m.count(0));
        registry.gauge("parley.outbox.dead", Tags.empty(), this, m -> m.count(1));
    }

    private double count(int which) {
        long now = System.nanoTime();
        long[] known = counts;
        if (known == null || now - countedAt > FRESH_NANOS) {
            try {
                known = rows.backlogAndDead();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "outbox counts unavailable: {0}", e.toString());
                return Double.NaN;
            }
            counts = known;
            countedAt = now;
        }
        return known[which];
    }
}
