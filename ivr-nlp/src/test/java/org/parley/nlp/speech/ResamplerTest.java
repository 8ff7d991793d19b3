package org.parley.nlp.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static byte[] tone(double hz, int rate, int samples, double amplitude) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            int v = (int) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    /** Goertzel power of one frequency, away from the edges. */
    private static double power(byte[] pcm, double hz, int rate) {
        int n = pcm.length / 2;
        double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 200; i < n - 200; i++) {
            short x = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            double s = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    @Test
    void doublesTheRateKeepsTheToneAndLeavesNoMirrorImage() {
        byte[] in = tone(1000, 8000, 8000, 10_000);
        byte[] out = Resampler.upsampleTwice(in);

        assertThat(out).hasSize(in.length * 2);
        double kept = power(out, 1000, 16000);
        double image = power(out, 7000, 16000);
        assertThat(10 * Math.log10(kept / image)).as("image rejection in dB").isGreaterThan(40);
        // same tone, same loudness: compare with a tone made at 16 kHz directly
        assertThat(kept / power(tone(1000, 16000, 16000, 10_000), 1000, 16000)).isCloseTo(1.0, within(0.05));
    }

    @Test
    void inPiecesGivesExactlyWhatTheWholeGives() {
        byte[] in = tone(440, 8000, 4000, 12_000);
        Resampler.Stream stream = new Resampler.Stream();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int off = 0; off < in.length; off += 320) {
            out.writeBytes(stream.push(in, off, Math.min(320, in.length - off)));
        }
        out.writeBytes(stream.flush());

        assertThat(out.toByteArray()).isEqualTo(Resampler.upsampleTwice(in));
    }
}
