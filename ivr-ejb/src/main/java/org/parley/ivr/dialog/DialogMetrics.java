package org.parley.ivr.dialog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.ivr.call.CallStatus;
import org.parley.ivr.metrics.BoundMeters;
import org.parley.ivr.metrics.Histogram;

/**
 * What the dialog counts and times, as meters in the server's Micrometer registry (Prometheus scrapes them at
 * {@code /metrics} on the management port). Latency is what a caller waits for in silence: from the end of their
 * speech or keys to the decision, by stage ({@code stage="asr"}: recognition after the last word; {@code nlu};
 * {@code rules}; {@code total}), as {@link Histogram}s with buckets around a caller's perception (1 ms to 2.5 s),
 * aggregable across nodes: {@code parley_turn_latency_buckets_total} and {@code parley_turn_latency_seconds_*}.
 */
@ApplicationScoped
public class DialogMetrics {

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] LATENCY_BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private MeterRegistry registry;
    private BoundMeters bound;
    private final AtomicInteger active = new AtomicInteger();
    private Counter started;
    private Counter noInput;
    private Counter noMatch;
    private Histogram asr;
    private Histogram nlu;
    private Histogram rules;
    private Histogram total;
    private Histogram realTimeFactor;

    /** For CDI's proxy. */
    protected DialogMetrics() {
    }

    @Inject
    public DialogMetrics(MeterRegistry registry) {
        this.registry = registry;
        started = registry.counter("parley.calls.started");
        bound = new BoundMeters(registry);
        bound.gauge("parley.calls.active", Tags.empty(), active, AtomicInteger::get);
        noInput = registry.counter("parley.turns.no.input");
        noMatch = registry.counter("parley.turns.no.match");
        asr = latency("asr");
        nlu = latency("nlu");
        rules = latency("rules");
        total = latency("total");
        realTimeFactor = new Histogram(registry, "parley.asr.real.time.factor", "", Tags.empty(), 0.05, 0.1, 0.25, 0.5, 1, 2);
    }

    /** Undeployed: the gauge goes with this deployment. */
    @PreDestroy
    void close() {
        bound.close();
    }

    private Histogram latency(String stage) {
        return new Histogram(registry, "parley.turn.latency", "seconds", Tags.of("stage", stage), LATENCY_BUCKETS);
    }

    void callStarted() {
        started.increment();
        active.incrementAndGet();
    }

    /** A call leaves the dialog; {@code queue} is where it was routed, or null. */
    void callEnded(CallStatus status, String queue) {
        active.decrementAndGet();
        registry.counter("parley.calls.ended", "outcome", status.name().toLowerCase(Locale.ROOT)).increment();
        if (status == CallStatus.ROUTED && queue != null && !queue.isEmpty()) {
            registry.counter("parley.calls.routed", "queue", queue).increment();
        }
    }

    /**
     * One turn: how the caller answered ({@code speech}, {@code keys}, {@code text}, {@code silence}), the intent
     * understood (empty: none; null: nothing to understand), and what each stage took: recognition after the last
     * word, understanding, the rules, and everything from the end of the input to the decision.
     */
    void turn(String input, String intent, long asrMillis, long audioMillis, long nluNanos, long rulesNanos, long afterInputNanos) {
        registry.counter("parley.turns", "input", input).increment();
        if (intent != null) {
            registry.counter("parley.intents", "intent", intent.isEmpty() ? "none" : intent).increment();
        }
        if (audioMillis > 0) {
            asr.record(asrMillis / 1000.0);
            realTimeFactor.record((double) asrMillis / audioMillis);
        }
        nlu.record(nluNanos / 1e9);
        rules.record(rulesNanos / 1e9);
        total.record((TimeUnit.MILLISECONDS.toNanos(Math.max(asrMillis, 0)) + afterInputNanos) / 1e9);
    }

    void askedAgain(boolean silent) {
        (silent ? noInput : noMatch).increment();
    }
}
