package org.parley.nlp.speech;

/**
 * Doubles the sample rate of 16-bit little-endian PCM (8 kHz telephone audio for a 16 kHz acoustic
 * model): zero-stuffing followed by a windowed-sinc low-pass at the old Nyquist frequency, so no
 * mirror image of the speech band appears above 4 kHz. The band above 4 kHz stays empty; it was never
 * transmitted.
 */
public final class Resampler {

    private static final int HALF_TAPS = 16;
    /** Filter taps for the odd (new) output samples; the even ones are the input samples themselves. */
    private static final double[] TAPS = taps();

    private Resampler() {
    }

    private static double[] taps() {
        double[] taps = new double[2 * HALF_TAPS];
        for (int k = 0; k < 2 * HALF_TAPS; k++) {
            // distance (in output samples) from the new sample to input sample k - HALF_TAPS + 1
            double t = 2 * (k - HALF_TAPS + 1) - 1;
            double sinc = Math.sin(Math.PI * t / 2) / (Math.PI * t / 2);
            double window = 0.54 + 0.46 * Math.cos(Math.PI * t / (2 * HALF_TAPS + 1));
            taps[k] = sinc * window;
        }
        return taps;
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
     * the last input samples the filter still needs; {@link #flush} gives the rest, so the output does
     * not depend on how the input was cut. Not thread-safe.
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
            return emit(length - HALF_TAPS);
        }

        /** The remaining output, as if the input ended here. */
        public byte[] flush() {
            return emit(length);
        }

        private byte[] emit(int upTo) {
            if (upTo <= emitted) {
                return new byte[0];
            }
            byte[] out = new byte[(upTo - emitted) * 4];
            for (int i = emitted; i < upTo; i++) {
                int o = i - emitted;
                put(out, 2 * o, in[i]);
                double sum = 0;
                for (int k = 0; k < TAPS.length; k++) {
                    int j = i + k - HALF_TAPS + 1;
                    if (j >= 0 && j < length) {
                        sum += TAPS[k] * in[j];
                    }
                }
                put(out, 2 * o + 1, (int) Math.round(sum));
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
