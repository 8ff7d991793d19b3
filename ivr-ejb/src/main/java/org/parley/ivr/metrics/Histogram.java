package org.parley.ivr.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;

/**
 * A histogram Prometheus can take quantiles of: {@code <name>.buckets} counters with the {@code le} label
 * ({@code histogram_quantile(0.99, sum by (le) (rate(parley_turn_latency_buckets_total[5m])))}), and beside them a
 * summary {@code <name>.<unit>} with count, sum and max ({@code parley_turn_latency_seconds_count}, {@code _sum},
 * {@code _max}). The two need different names: Prometheus drops a {@code _bucket} suffix from a counter's name, and a
 * family name can have one type only.
 *
 * <p>Written by hand because of WildFly 39's Micrometer integration: the registry a deployment is given hands on to
 * the server's registries (and so to {@code /metrics}) only meters made by name and tags ({@code registry.counter(..)},
 * {@code registry.summary(..)}); a {@code Timer} or {@code DistributionSummary} built with buckets stays inside the
 * deployment and is never scraped, and the registry's configuration (where a {@code MeterFilter} would add buckets)
 * cannot be changed. So each bucket is a counter with the Prometheus {@code le} label, cumulative as Prometheus
 * expects, the last one {@code +Inf}. Thread-safe; the counters are made once.
 */
public final class Histogram {

    private final double[] bounds;
    private final Counter[] buckets;
    private final DistributionSummary summary;

    /**
     * @param name what is measured ({@code parley.turn.latency})
     * @param unit the unit values are recorded in ({@code seconds}), or empty for a plain number
     * @param bounds the buckets' upper bounds, ascending, in that unit
     */
    public Histogram(MeterRegistry registry, String name, String unit, Tags tags, double... bounds) {
        this.bounds = bounds.clone();
        this.buckets = new Counter[bounds.length + 1];
        for (int i = 0; i <= bounds.length; i++) {
            String le = i == bounds.length ? "+Inf" : String.format(Locale.ROOT, "%s", bounds[i]);
            buckets[i] = registry.counter(name + ".buckets", tags.and(Tag.of("le", le)));
        }
        this.summary = registry.summary(unit.isEmpty() ? name : name + "." + unit, tags);
    }

    /** One observation. */
    public void record(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                buckets[i].increment();
            }
        }
        buckets[bounds.length].increment();
        summary.record(value);
    }
}
