package org.parley.ivr.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The gauges and function counters one part registers, which read an object of that part when Prometheus scrapes,
 * and which the part removes again when it stops. WildFly keeps a deployment's meters after it is undeployed: a gauge
 * left behind would read an object of a dead deployment (a CDI proxy there throws, and one exception makes the whole
 * scrape fail), and the redeployed part registering "the same" gauge would be handed the old one, bound to the old
 * object. So: bind to plain objects (an {@code AtomicLong}, the part's own instance, never an injected proxy), read
 * them without throwing, and {@link #close} at undeploy. Thread-safe.
 */
public final class BoundMeters implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BoundMeters.class.getName());

    private final MeterRegistry registry;
    private final List<Meter.Id> registered = new ArrayList<>();

    public BoundMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A gauge reading {@code value} of {@code state}; NaN while it cannot be read. */
    public synchronized <T> void gauge(String name, Tags tags, T state, ToDoubleFunction<T> value) {
        registry.gauge(name, tags, state, safely(name, value));
        remember(registry.find(name).tags(tags).gauge());
    }

    /** A counter whose count is {@code count} of {@code state}, which only grows. */
    public synchronized <T> void functionCounter(String name, Tags tags, T state, ToDoubleFunction<T> count) {
        remember(registry.more().counter(name, tags, state, safely(name, count)));
    }

    private void remember(Meter meter) {
        if (meter != null) {
            registered.add(meter.getId());
        }
    }

    private static <T> ToDoubleFunction<T> safely(String name, ToDoubleFunction<T> value) {
        return state -> {
            try {
                return value.applyAsDouble(state);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "{0} cannot be read: {1}", name, e.toString());
                return Double.NaN;
            }
        };
    }

    /** Removes every meter registered here. */
    @Override
    public synchronized void close() {
        for (Meter.Id id : registered) {
            registry.remove(id);
        }
        registered.clear();
    }
}
