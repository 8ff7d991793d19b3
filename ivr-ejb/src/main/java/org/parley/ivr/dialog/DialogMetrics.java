package org.parley.ivr.dialog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.ivr.call.CallStatus;

/**
 * What the dialog counts and times, as Micrometer meters in the server's registry (Prometheus scrapes them at
 * {@code /metrics} on the management port; {@code parley.turn.latency} becomes {@code parley_turn_latency_seconds}).
 * Latency is what a caller waits in silence: from the end of their speech or keys to the decision, by stage (speech
 * recognition after the last word, understanding, the rules) and in total. Histograms use fixed buckets around a
 * caller's perception (5 ms to 2.5 s), so each stage is a dozen series, aggregable across nodes.
 */
@ApplicationScoped
public class DialogMetrics {

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500)};

    private MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private Counter started;
    private Counter noInput;
    private Counter noMatch;
    private Timer asr;
    private Timer nlu;
    private Timer rules;
    private Timer total;
    private DistributionSummary realTimeFactor;

    /** For CDI's proxy. */
    protected DialogMetrics() {
    }

    @Inject
    public DialogMetrics(MeterRegistry registry) {
        this.registry = registry;
        started = Counter.builder("parley.calls.started").description("Calls that entered the IVR").register(registry);
        Gauge.builder("parley.calls.active", active, AtomicInteger::get).description("Calls in the dialog on this node now")
                .register(registry);
        noInput = Counter.builder("parley.turns.no.input").description("Turns the caller said and pressed nothing, and was asked again")
                .register(registry);
        noMatch = Counter.builder("parley.turns.no.match").description("Turns the rules could not act on what was heard, and asked again")
                .register(registry);
        asr = latency("asr", "speech recognition after the caller's last word");
        nlu = latency("nlu", "intent, entities and sentiment");
        rules = latency("rules", "the rules' decision");
        total = latency("total", "from the end of the caller's input to the decision");
        realTimeFactor = DistributionSummary.builder("parley.asr.real.time.factor")
                .description("Speech recognition time over the length of the audio (below 1: faster than the caller speaks)")
                .serviceLevelObjectives(0.05, 0.1, 0.25, 0.5, 1, 2).register(registry);
    }

    private Timer latency(String stage, String description) {
        return Timer.builder("parley.turn.latency").tag("stage", stage).description("What a caller waits for in a turn: " + description)
                .serviceLevelObjectives(LATENCY_BUCKETS).minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
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
            asr.record(asrMillis, TimeUnit.MILLISECONDS);
            realTimeFactor.record((double) asrMillis / audioMillis);
        }
        nlu.record(nluNanos, TimeUnit.NANOSECONDS);
        rules.record(rulesNanos, TimeUnit.NANOSECONDS);
        total.record(TimeUnit.MILLISECONDS.toNanos(Math.max(asrMillis, 0)) + afterInputNanos, TimeUnit.NANOSECONDS);
    }

    void askedAgain(boolean silent) {
        (silent ? noInput : noMatch).increment();
    }
}
