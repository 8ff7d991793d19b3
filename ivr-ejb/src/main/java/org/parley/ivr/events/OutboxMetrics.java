package org.parley.ivr.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.parley.ivr.metrics.BoundMeters;

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

    private BoundMeters bound;
    private volatile long[] counts;
    private volatile long countedAt;

    void register(@Observes Startup startup, MeterRegistry registry) {
        // Call events waiting to be delivered, and those that could not be (dead letters); `this` here is the bean itself,
        // not its proxy, and holds the gauges' state.
        bound = new BoundMeters(registry);
        bound.gauge("parley.outbox.backlog", Tags.empty(), this, m -> m.count(0));
        bound.gauge("parley.outbox.dead", Tags.empty(), this, m -> m.count(1));
    }

    @PreDestroy
    void close() {
        if (bound != null) {
            bound.close();
        }
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
