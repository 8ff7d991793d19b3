package org.parley.tools;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.parley.rules.engine.RuleSet;
import org.parley.tools.bench.DecisionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley rules bench}: decision latency (JMH) and memory per compiled rule set. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark routing decisions with JMH (stateless session, shipped rules and shipped + generated rules) and measure"
                + " compile time and memory per KieBase.")
final class RulesBench implements Callable<Integer> {

    @Option(names = "--generated", split = ",", defaultValue = "0,1000", description = "Generated rules to add (default ${DEFAULT-VALUE}).")
    List<Integer> generated;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of 2 s (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--memory-only", description = "Only measure compile time and memory per KieBase.")
    boolean memoryOnly;

    @Override
    public Integer call() throws Exception {
        for (int n : generated) {
            memory(n);
        }
        if (memoryOnly) {
            return 0;
        }
        Options options = new OptionsBuilder()
                .include(DecisionBenchmark.class.getName() + ".decide")
                .param("generatedRules", generated.stream().map(String::valueOf).toArray(String[]::new))
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g", "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("decision latency (one turn: stateless session + audit), microseconds");
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "  rules=shipped+%-5s p50 %7.1f  p90 %7.1f  p99 %7.1f  p99.9 %7.1f  mean %7.1f  (n=%d)%n",
                    r.getParams().getParam("generatedRules"), s.getPercentile(50), s.getPercentile(90), s.getPercentile(99),
                    s.getPercentile(99.9), s.getMean(), s.getN());
        }
        return 0;
    }

    private static void memory(int generated) throws Exception {
        int copies = 4;
        long before = usedHeap();
        List<RuleSet> kept = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < copies; i++) {
            kept.add(DecisionBenchmark.ruleSet(generated));
        }
        long compileMillis = (System.nanoTime() - start) / 1_000_000 / copies;
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "rules=shipped+%d: %d rules, compile %d ms, %.1f MB heap per KieBase%n", generated,
                kept.get(0).ruleNames().size(), compileMillis, (after - before) / (double) copies / (1024 * 1024));
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
