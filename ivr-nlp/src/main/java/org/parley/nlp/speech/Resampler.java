package org.parley.nlp.speech;

/**
 * Doubles the sample rate of 16-bit little-endian PCM (8 kHz telephone audio for a 16 kHz acoustic
 * model): zero-stuffing followed by a 129-tap Kaiser-windowed sinc low-pass (cut-off 3.7 kHz, about
 * 80 dB stop-band from 4 kHz), computed as two polyphase branches. Telephone speech ends at 3.4 kHz,
 * so its mirror image above 4 kHz is removed and the band above stays empty, as it was on the line.
 */
public final class Resampler {

    /** Input samples the filter looks ahead (and behind). */
    private static final int LOOKAHEAD = 32;
    private static final int TAPS = 4 * LOOKAHEAD + 1;
    private static final double CUTOFF_HZ = 3700;
    private static final double OUTPUT_HZ = 16000;
    private static final double BETA = 8;
    /** Taps for even output samples (at input samples) and odd ones (between them). */
    private static final double[] EVEN = new double[2 * LOOKAHEAD + 1];
    private static final double[] ODD = new double[2 * LOOKAHEAD];

    static {
        int centre = TAPS / 2;
        double fc = CUTOFF_HZ / OUTPUT_HZ;
        for (int n = 0; n < TAPS; n++) {
            double t = n - centre;
            double sinc = t == 0 ? 1 : Math.sin(2 * Math.PI * fc * t) / (2 * Math.PI * fc * t);
            double r = 2.0 * n / (TAPS - 1) - 1;
            double window = bessel0(BETA * Math.sqrt(1 - r * r)) / bessel0(BETA);
            // x2: zero-stuffing halves the energy of each branch
            double h = 2 * 2 * fc * sinc * window;
            if (n % 2 == 0) {
                EVEN[n / 2] = h;
            } else {
                ODD[n / 2] = h;
            }
        }
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private Resampler() {
    }

    /** 8 kHz to 16 kHz (or any rate to twice it). */
    public static byte[] upsampleTwice(byte[] pcm) {
        Stream whole = new Stream();
        byte[] head = whole.push(pcm, 0, pcm.length);
        byte[] tail = whole.flush();
        byte[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    /**
     * Doubles the rate of audio that arrives in pieces: each piece gives the output it can, keeping
     * the input samples the filter still needs; {@link #flush} gives the rest, so the output does not
     * depend on how the input was cut. Not thread-safe.
     */
    public static final class Stream {
        private short[] in = new short[8000];
        private int length;
        private int emitted;

        /** The output (twice the samples) that can be computed now. */
        public byte[] push(byte[] pcm, int offset, int bytes) {
            int n = bytes / 2;
            if (length + n > in.length) {
                in = java.util.Arrays.copyOf(in, Math.max(in.length * 2, length + n));
            }
            for (int i = 0; i < n; i++) {
                in[length++] = (short) ((pcm[offset + 2 * i] & 0xff) | (pcm[offset + 2 * i + 1] << 8));
            }
            return emit(length - LOOKAHEAD);
        }

        /** The remaining output, as if the input ended here. */
        public byte[] flush() {
            return emit(length);
        }

        private double sample(int j) {
            return j >= 0 && j < length ? in[j] : 0;
        }

        private byte[] emit(int upTo) {
            if (upTo <= emitted) {
                return new byte[0];
            }
            byte[] out = new byte[(upTo - emitted) * 4];
            for (int i = emitted; i < upTo; i++) {
                // out[2i] = sum_k EVEN[k] x[i + L - k]; out[2i+1] = sum_k ODD[k] x[i + L - k]
                double even = 0;
                double odd = 0;
                for (int k = 0; k < EVEN.length; k++) {
                    double x = sample(i + LOOKAHEAD - k);
                    even += EVEN[k] * x;
                    if (k < ODD.length) {
                        odd += ODD[k] * x;
                    }
                }
                int o = i - emitted;
                put(out, 2 * o, (int) Math.round(even));
                put(out, 2 * o + 1, (int) Math.round(odd));
            }
            emitted = upTo;
            return out;
        }
    }

    private static void put(byte[] out, int sample, int value) {
        int v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
        out[2 * sample] = (byte) v;
        out[2 * sample + 1] = (byte) (v >> 8);
    }
}
