package org.parley.tools.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Latencies of many simulated calls: percentiles in milliseconds and how the calls ended. */
public record LoadReport(int calls, int failures, long wallMillis, double[] sortedMillis, Map<String, Integer> routes) {

    public static LoadReport of(long wallMillis, double[] millis, int failures, Map<String, Integer> routes) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LoadReport(millis.length, failures, wallMillis, sorted, new TreeMap<>(routes));
    }

    /** The p-th percentile (0..100), nearest rank. */
    public double percentile(double p) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "%d calls in %.1f s (%.1f calls/s), %d failed%n  whole call over FastAGI: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n  routes: %s",
                calls, wallMillis / 1000.0, calls * 1000.0 / Math.max(1, wallMillis), failures,
                percentile(50), percentile(90), percentile(99), percentile(100), routes);
    }
}
