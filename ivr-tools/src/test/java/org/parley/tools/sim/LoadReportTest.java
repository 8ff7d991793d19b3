package org.parley.tools.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void percentilesAreNearestRank() {
        double[] millis = new double[100];
        for (int i = 0; i < 100; i++) {
            millis[i] = 100 - i;
        }
        LoadReport report = LoadReport.of(1000, millis, 0, Map.of("fraud", 100));

        assertThat(report.percentile(50)).isEqualTo(50);
        assertThat(report.percentile(99)).isEqualTo(99);
        assertThat(report.percentile(100)).isEqualTo(100);
        assertThat(report.summary()).contains("100 calls in 1.0 s (100.0 calls/s), 0 failed", "p50 50.00 ms", "fraud=100");
    }
}
