package org.parley.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley sim}: act as Asterisk towards a running Parley. */
@Command(name = "sim", description = "Act as Asterisk towards a running Parley.", mixinStandardHelpOptions = true,
        subcommands = {SimCommand.Call.class, SimCommand.Load.class, SimAmi.class})
final class SimCommand {

    /** {@code parley sim call}: place one FastAGI call and print how it was routed. */
    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Place one call over FastAGI, as Asterisk's AGI(agi://host:port/ivr) would, and print the route.")
    static final class Call implements Callable<Integer> {

        @Mixin
        AgiTarget target;

        @Option(names = "--script", defaultValue = "ivr", description = "AGI script path (default ${DEFAULT-VALUE}).")
        String script;

        @Option(names = "--from", defaultValue = "5551234", description = "Caller-id number; \"\" for a withheld number.")
        String from;

        @Option(names = "--language", defaultValue = "en", description = "The channel's language, as Asterisk's CHANNEL(language) (default ${DEFAULT-VALUE}).")
        String language;

        @Option(names = "--to", defaultValue = "1000", description = "Dialled number.")
        String to;

        @Option(names = "--say", description = "Words the caller says at the next question (repeatable).")
        List<String> say = new ArrayList<>();

        @Option(names = "--speak", description = "A WAV file (8 kHz 16-bit mono) the caller speaks at the next question over AudioSocket"
                + " or RECORD FILE (repeatable; after all --say).")
        List<java.nio.file.Path> speak = new ArrayList<>();

        @Option(names = "--fast", description = "Stream audio as fast as Parley takes it instead of in real time (20 ms a frame).")
        boolean fast;

        @Option(names = "--press", description = "Keys the caller presses at the next question (repeatable; after all --say and --speak).")
        List<String> press = new ArrayList<>();

        @Option(names = "--hangup", description = "Hang up at the question after the scripted inputs.")
        boolean hangup;

        @Option(names = "--expect-route", description = "Exit with status 1 unless PARLEY_ROUTE is this.")
        String expectRoute;

        @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for the IVR's next command.")
        int timeoutSeconds;

        @Option(names = {"-v", "--verbose"}, description = "Print the AGI wire transcript.")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            CallScript callScript = CallScript.from(from).to(to).script(script).language(language);
            say.forEach(callScript::say);
            for (java.nio.file.Path wav : speak) {
                callScript.speak(org.parley.tools.sim.AudioSocketCaller.readWav8k(wav), !fast);
            }
            callScript.realTimeSilence(!fast);
            press.forEach(callScript::press);
            if (hangup) {
                callScript.hangUp();
            }
            CallResult result = target.caller(Duration.ofSeconds(timeoutSeconds)).place(callScript);
            if (verbose) {
                result.transcript().forEach(System.out::println);
            }
            System.out.printf("call %s from %s: %s%n", result.uniqueId(), from, result.ending());
            System.out.printf("  PARLEY_ROUTE=%s PARLEY_QUEUE=%s PARLEY_PRIORITY=%s PARLEY_PROMPT=%s%n",
                    result.route(), result.queue(), result.priority(), result.variablesSet().get("PARLEY_PROMPT"));
            System.out.printf("  played: %s%n", String.join(", ", result.played()));
            if (expectRoute != null && !expectRoute.equals(result.route())) {
                System.err.printf("expected route %s but Parley chose %s%n", expectRoute, result.route());
                return 1;
            }
            return result.ending() == CallResult.Ending.TIMED_OUT ? 2 : 0;
        }
    }

    /** {@code parley sim load}: many calls at once, to measure the IVR's latency and throughput. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Place many simulated calls (bounded in count) and report latency percentiles and routes.")
    static final class Load implements Callable<Integer> {

        private static final String[] UTTERANCES = {
            "I lost my card", "what's my balance", "my internet is not working", "I want to speak to a person",
            "there's a charge I don't recognise", "I need to pay my bill", "I forgot my password", "hmm the thing",
        };

        @Mixin
        AgiTarget target;

        @Option(names = "--calls", defaultValue = "1000", description = "How many calls in all (default ${DEFAULT-VALUE}, at most 1000000).")
        int calls;

        @Option(names = "--concurrency", defaultValue = "20", description = "Calls in progress at once (default ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--warmup", defaultValue = "200", description = "Calls placed first and not measured (default ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() throws Exception {
            if (calls < 1 || calls > 1_000_000 || concurrency < 1 || concurrency > 10_000) {
                System.err.println("--calls must be 1..1000000 and --concurrency 1..10000");
                return 2;
            }
            FastAgiCall agi = target.caller(Duration.ofSeconds(30));
            run(agi, warmup, new double[warmup], new ConcurrentHashMap<>());
            double[] millis = new double[calls];
            Map<String, Integer> routes = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            int failures = run(agi, calls, millis, routes);
            LoadReport report = LoadReport.of((System.nanoTime() - start) / 1_000_000, millis, failures, routes);
            System.out.println(report.summary());
            return failures == 0 ? 0 : 1;
        }

        private int run(FastAgiCall agi, int count, double[] millis, Map<String, Integer> routes) throws Exception {
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                List<Future<?>> done = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int n = i;
                    done.add(pool.submit(() -> {
                        CallScript script = CallScript.from(String.format("555%04d", n % 10_000))
                                .say(UTTERANCES[n % UTTERANCES.length]).say("I want to speak to a person");
                        long t0 = System.nanoTime();
                        try {
                            CallResult result = agi.place(script);
                            millis[n] = (System.nanoTime() - t0) / 1e6;
                            routes.merge(String.valueOf(result.route()), 1, Integer::sum);
                        } catch (java.io.IOException e) {
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
}
