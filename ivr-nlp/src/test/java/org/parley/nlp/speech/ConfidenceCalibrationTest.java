package org.parley.nlp.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's confidence becomes the chance that the transcript is right. */
class ConfidenceCalibrationTest {

    @Test
    void aFitRecoversTheCalibrationThatMadeTheData() {
        ConfidenceCalibration truth = new ConfidenceCalibration(0.8, 3.0);
        Random random = new Random(7);
        int n = 4000;
        double[] raw = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            raw[i] = Math.exp(-9 * random.nextDouble()); // 1e-4 .. 1, as pocketsphinx's posteriors spread
            right[i] = random.nextDouble() < truth.apply(raw[i]);
        }
        ConfidenceCalibration fitted = ConfidenceCalibration.fit(raw, right);
        assertThat(fitted.slope()).isCloseTo(0.8, within(0.15));
        assertThat(fitted.intercept()).isCloseTo(3.0, within(0.5));
    }

    @Test
    void higherRawConfidenceNeverMeansLessLikelyRight() {
        ConfidenceCalibration c = ConfidenceCalibration.POCKETSPHINX;
        double last = 0;
        for (double raw : new double[] {0, 1e-5, 1e-3, 0.01, 0.1, 0.5, 1}) {
            assertThat(c.apply(raw)).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(last);
            last = c.apply(raw);
        }
    }

    @Test
    void theSettingIsSlopeCommaIntercept() {
        assertThat(ConfidenceCalibration.parse(" 0.61, 3.61 ")).isEqualTo(new ConfidenceCalibration(0.61, 3.61));
        assertThatThrownBy(() -> ConfidenceCalibration.parse("0.6")).hasMessageContaining("slope,intercept");
    }

    @Test
    void eachEngineHasItsOwnDefault() {
        assertThat(ConfidenceCalibration.forEngine("sphinx4 1.0.0")).isEqualTo(ConfidenceCalibration.SPHINX4);
        assertThat(ConfidenceCalibration.forEngine("pocketsphinx 5prealpha")).isEqualTo(ConfidenceCalibration.POCKETSPHINX);
    }
}
