package org.parley.tools.sim;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Calls started at a steady rate, whatever the IVR's pace (an open loop, as callers arrive at Asterisk), each held
 * open for its prompts' time ({@link CallScript#hold}) on its own thread, as Asterisk keeps one AGI connection per
 * call. Measures each whole call and each decision ({@link CallResult#decisionMillis}), and how many calls were
 * open at once. Written by hand: load tools (JMeter, Gatling) do not speak FastAGI as Asterisk does, and the
 * simulator's channel is the protocol part under test.
 */
public final class OpenLoad {

    /** Stack of each call's thread: a call needs little, and thousands are open at once. */
    private static final long STACK_BYTES = 256 * 1024;

    /** What a run measured. */
    public record Result(int started, int failed, int refused, int mostOpen, long wallMillis, double[] callMillis,
                         double[] decisionMillis, Map<String, Integer> routes) {

        /** Percentile (0..100, nearest rank) of measured values, NaN for none. */
        public static double percentile(double[] values, double p) {
            double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        public String summary() {
            long decided = Arrays.stream(decisionMillis).filter(v -> !Double.isNaN(v)).count();
            return String.format(Locale.ROOT, "%d calls started in %.1f s (%.1f calls/s), %d failed, %d not placed (client limit);"
                            + " at most %d open at once%n"
                            + "  decision (caller's words -> PARLEY_ROUTE), %d calls: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "  whole call: p50 %.0f ms, p99 %.0f ms%n  routes: %s",
                    started, wallMillis / 1000.0, started * 1000.0 / Math.max(1, wallMillis), failed, refused, mostOpen, decided,
                    percentile(decisionMillis, 50), percentile(decisionMillis, 90), percentile(decisionMillis, 99),
                    percentile(decisionMillis, 100), percentile(callMillis, 50), percentile(callMillis, 99), new java.util.TreeMap<>(routes));
        }
    }

    private OpenLoad() {
    }

    /**
     * Starts {@code rate} calls a second for {@code seconds}, call {@code n} from {@code scripts.apply(n)}; no more than
     * {@code maxOpen} at once (a call due beyond that is counted as not placed). {@code everySecond} hears the calls
     * open once a second. Returns when every placed call has ended.
     */
    public static Result run(FastAgiCall agi, IntFunction<CallScript> scripts, double rate, int seconds, int maxOpen,
                             Consumer<Integer> everySecond) throws InterruptedException {
        int total = (int) Math.min(1_000_000, Math.round(rate * seconds));
        double[] callMillis = new double[total];
        double[] decisionMillis = new double[total];
        Arrays.fill(callMillis, Double.NaN);
        Arrays.fill(decisionMillis, Double.NaN);
        Map<String, Integer> routes = new ConcurrentHashMap<>();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int refused = 0;
        AtomicInteger threads = new AtomicInteger();
        ExecutorService calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, "call-" + threads.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long nextReport = start + 1_000_000_000L;
        try {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
                if (System.nanoTime() >= nextReport) {
                    everySecond.accept(open.get());
                    nextReport += 1_000_000_000L;
                }
                if (open.get() >= maxOpen) {
                    refused++;
                    continue;
                }
                int n = i;
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                calls.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        CallResult result = agi.place(scripts.apply(n));
                        decisionMillis[n] = result.decisionMillis();
                        routes.merge(String.valueOf(result.route()), 1, Integer::sum);
                        if (result.ending() == CallResult.Ending.TIMED_OUT) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        routes.merge("error: " + e.getClass().getSimpleName(), 1, Integer::sum);
                    } finally {
                        callMillis[n] = (System.nanoTime() - t0) / 1e6;
                        open.decrementAndGet();
                    }
                });
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            calls.shutdown();
            while (!calls.awaitTermination(1, TimeUnit.SECONDS)) {
                everySecond.accept(open.get());
            }
            return new Result(total - refused, failed.get(), refused, mostOpen.get(), wall, callMillis, decisionMillis, routes);
        } finally {
            calls.shutdownNow();
        }
    }
}
