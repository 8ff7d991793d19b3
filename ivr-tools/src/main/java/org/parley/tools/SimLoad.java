package org.parley.tools;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;
import org.parley.tools.sim.FastAgiCall;
import org.parley.tools.sim.LoadReport;
import org.parley.tools.sim.OpenLoad;
import org.parley.tools.sim.ServerFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley sim load}: many calls, to measure the IVR's latency and throughput. Two shapes: a closed loop
 * ({@code --calls} at {@code --concurrency}, each call as fast as the IVR answers) and, with {@code --rate}, an open
 * loop as Asterisk brings calls: new calls at a steady rate for {@code --duration} seconds, each held open for
 * {@code --hold} seconds a prompt, so that {@code rate x call length} calls are open at once.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Place many simulated calls and report latency percentiles, failures and routes (with --rate: calls"
                + " held open as Asterisk holds them, the decision time and the server's heap and threads).")
final class SimLoad implements Callable<Integer> {

    private static final String[] UTTERANCES = {
        "I lost my card", "what's my balance", "my internet is not working", "I want to speak to a person",
        "there's a charge I don't recognise", "I need to pay my bill", "I forgot my password", "hmm the thing",
    };

    @Mixin
    AgiTarget target;

    @Option(names = "--calls", defaultValue = "1000", description = "Closed loop: how many calls in all (default ${DEFAULT-VALUE}, at most 1000000).")
    int calls;

    @Option(names = "--concurrency", defaultValue = "20", description = "Closed loop: calls in progress at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "200", description = "Calls placed first (closed loop, 20 at once) and not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", description = "Open loop: new calls per second (e.g. 100-400).")
    Double rate;

    @Option(names = "--duration", defaultValue = "60", description = "Open loop: seconds of new calls (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--hold", defaultValue = "0", description = "Seconds each prompt plays with the caller's answer before the channel"
            + " replies, as Asterisk holds the AGI meanwhile (default ${DEFAULT-VALUE}; a call has 2-3 such prompts).")
    double hold;

    @Option(names = "--max-open", defaultValue = "10000", description = "Open loop: most calls this client holds at once (default ${DEFAULT-VALUE}).")
    int maxOpen;

    @Option(names = "--metrics", defaultValue = "${env:PARLEY_METRICS_URL:-http://127.0.0.1:9990/metrics}",
            description = "The server's Prometheus endpoint, for its heap and threads (default ${DEFAULT-VALUE}; none for a server without one).")
    URI metrics;

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || calls > 1_000_000 || concurrency < 1 || concurrency > 10_000 || hold < 0 || hold > 600
                || rate != null && (rate <= 0 || rate > 10_000 || duration < 1 || rate * duration > 1_000_000) || maxOpen < 1) {
            System.err.println("--calls must be 1..1000000, --concurrency 1..10000, --hold 0..600 s, --rate up to 10000 a second"
                    + " with --rate x --duration at most 1000000");
            return 2;
        }
        FastAgiCall agi = target.caller(Duration.ofSeconds(30 + (long) Math.ceil(hold * 4)));
        run(agi, warmup, 20, new double[warmup], new ConcurrentHashMap<>(), 0);
        if (rate != null) {
            return openLoop(agi);
        }
        double[] millis = new double[calls];
        Map<String, Integer> routes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        int failures = run(agi, calls, concurrency, millis, routes, (int) Math.round(hold * 1000));
        LoadReport report = LoadReport.of((System.nanoTime() - start) / 1_000_000, millis, failures, routes);
        System.out.println(report.summary());
        return failures == 0 ? 0 : 1;
    }

    private int openLoop(FastAgiCall agi) throws InterruptedException {
        int holdMillis = (int) Math.round(hold * 1000);
        long[] mostHeap = {0};
        int[] mostThreads = {0};
        int[] second = {0};
        OpenLoad.Result result = OpenLoad.run(agi, n -> script(n, holdMillis), rate, duration, maxOpen, open -> {
            second[0]++;
            ServerFigures server = second[0] % 5 == 0 ? ServerFigures.read(metrics) : null;
            if (server != null) {
                mostHeap[0] = Math.max(mostHeap[0], server.heapBytes());
                mostThreads[0] = Math.max(mostThreads[0], server.threads());
            }
            if (second[0] % 5 == 0) {
                System.out.printf(Locale.ROOT, "%4d s: %d calls open%s%n", second[0], open, server == null ? ""
                        : String.format(Locale.ROOT, "; server heap %d MB, %d threads", server.heapBytes() >> 20, server.threads()));
            }
        });
        System.out.println(result.summary());
        System.out.println(mostThreads[0] == 0 ? "  server heap and threads: not read (" + metrics + " did not answer)"
                : String.format(Locale.ROOT, "  server (read every 5 s): heap in use up to %d MB, up to %d threads", mostHeap[0] >> 20,
                mostThreads[0]));
        return result.failed() == 0 && result.refused() == 0 ? 0 : 1;
    }

    private static CallScript script(int n, int holdMillis) {
        return CallScript.from(String.format("555%04d", n % 10_000)).say(UTTERANCES[n % UTTERANCES.length])
                .say("I want to speak to a person").hold(holdMillis);
    }

    private static int run(FastAgiCall agi, int count, int concurrency, double[] millis, Map<String, Integer> routes, int holdMillis)
            throws Exception {
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        CallResult result = agi.place(script(n, holdMillis));
                        millis[n] = (System.nanoTime() - t0) / 1e6;
                        routes.merge(String.valueOf(result.route()), 1, Integer::sum);
                    } catch (IOException e) {
                        millis[n] = (System.nanoTime() - t0) / 1e6;
                        failures.incrementAndGet();
                        routes.merge("error: " + e.getMessage(), 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return failures.get();
    }
}
