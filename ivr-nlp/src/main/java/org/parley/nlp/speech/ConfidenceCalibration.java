package org.parley.nlp.speech;

import java.util.Locale;

/**
 * Turns an engine's own confidence into the chance that the transcript is right (Platt scaling:
 * a logistic function of the logarithm of the raw score), so that rules can use one threshold
 * whatever the engine: pocketsphinx's hypothesis posterior and Sphinx4's n-best share live on very
 * different scales. Fitted with {@code bin/parley asr bench --calibrate} on voices the reported
 * figures do not use; the defaults below were fitted that way on the validation voices (flite's awb and
 * rms, wideband and narrowband; slt and the voices beyond flite are only reported on).
 *
 * @param slope     weight of ln(raw confidence)
 * @param intercept bias
 */
public record ConfidenceCalibration(double slope, double intercept) {

    /** Raw scores below this are treated as this (pocketsphinx reports 0 for its worst hypotheses). */
    static final double FLOOR = 1e-4;

    /** pocketsphinx 5prealpha, en-us model, language weight 6.5: fitted on awb + rms (45 utterances, both bands). */
    public static final ConfidenceCalibration POCKETSPHINX = new ConfidenceCalibration(0.557, 3.259);
    /** Sphinx4 (10-best share): fitted on awb + rms (45 utterances, both bands). */
    public static final ConfidenceCalibration SPHINX4 = new ConfidenceCalibration(8.643, 1.605);

    /** The default for an engine ({@link SpeechRecognizer#engine()}). */
    public static ConfidenceCalibration forEngine(String engine) {
        return engine != null && engine.toLowerCase(Locale.ROOT).contains("sphinx4") ? SPHINX4 : POCKETSPHINX;
    }

    /** {@code "slope,intercept"} as {@code parley.speech.calibration} gives it. */
    public static ConfidenceCalibration parse(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                return new ConfidenceCalibration(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("parley.speech.calibration must be \"slope,intercept\" (from bin/parley asr bench --calibrate),"
                + " got \"" + text + "\"");
    }

    /** The chance, in [0, 1], that a transcript with this raw confidence is right. */
    public double apply(double raw) {
        double x = Math.log(Math.max(raw, FLOOR));
        return 1 / (1 + Math.exp(-(slope * x + intercept)));
    }

    /**
     * Fits the calibration by logistic regression (Newton's method, a little L2 so a corpus without
     * a wrong transcript still gives finite weights).
     *
     * @param raw   the engine's confidences
     * @param right whether each transcript was right
     */
    public static ConfidenceCalibration fit(double[] raw, boolean[] right) {
        int n = raw.length;
        double[] x = new double[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(Math.max(raw[i], FLOOR));
            positives += right[i] ? 1 : 0;
        }
        double prior = (positives + 0.5) / (n + 1.0);
        double a = 0;
        double b = Math.log(prior / (1 - prior)); // start from the base rate: Newton steps stay sane from there
        double l2 = 1e-3;
        double loss = loss(x, right, a, b, l2);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = l2 * a;
            double gb = 0;
            double haa = l2;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-(a * x[i] + b)));
                double e = p - (right[i] ? 1 : 0);
                double w = p * (1 - p);
                ga += e * x[i];
                gb += e;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Halve the step until the loss does not grow (plain Newton can overshoot on small corpora).
            double step = 1;
            double next = loss(x, right, a - da, b - db, l2);
            while (next > loss && step > 1e-6) {
                step /= 2;
                next = loss(x, right, a - step * da, b - step * db, l2);
            }
            a -= step * da;
            b -= step * db;
            if (loss - next < 1e-12) {
                break;
            }
            loss = next;
        }
        return new ConfidenceCalibration(a, b);
    }

    private static double loss(double[] x, boolean[] right, double a, double b, double l2) {
        double sum = l2 * a * a / 2;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            // log(1 + e^-z) for the right ones, log(1 + e^z) for the wrong ones, computed without overflow
            double s = right[i] ? -z : z;
            sum += s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
        }
        return sum;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f,%.3f", slope, intercept);
    }
}
