package org.parley.ivr.crm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long caller-context lookups take, by the way they were answered (cache hit, local store,
 * CRM over HTTP, CRM unavailable): the last 10,000 of each, for p50/p99 on demand.
 */
final class LookupTimes {

    private static final int KEEP = 10_000;

    private static final class Ring {
        final long[] micros = new long[KEEP];
        long count;

        synchronized void add(long value) {
            micros[(int) (count % KEEP)] = value;
            count++;
        }

        synchronized Map<String, Object> summary() {
            int n = (int) Math.min(count, KEEP);
            long[] sorted = Arrays.copyOf(micros, n);
            Arrays.sort(sorted);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("count", count);
            if (n > 0) {
                s.put("p50Micros", sorted[(int) Math.floor(0.50 * (n - 1))]);
                s.put("p99Micros", sorted[(int) Math.floor(0.99 * (n - 1))]);
                s.put("maxMicros", sorted[n - 1]);
            }
            return s;
        }
    }

    private final Map<String, Ring> byPath = new ConcurrentHashMap<>();

    void record(String path, long nanos) {
        byPath.computeIfAbsent(path, p -> new Ring()).add(nanos / 1_000);
    }

    Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        byPath.forEach((path, ring) -> out.put(path, ring.summary()));
        return out;
    }
}
