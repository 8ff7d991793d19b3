package org.parley.nlp.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EndpointerTest {

    /** 20 ms frames of 8 kHz PCM: noise at {@code level} RMS-ish amplitude. */
    static byte[] frames(int ms, int amplitude, long seed) {
        Random random = new Random(seed);
        int samples = 8 * ms;
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            int v = amplitude == 0 ? 0 : (int) (amplitude * Math.sin(i * 2 * Math.PI * 220 / 8000) + random.nextGaussian() * amplitude / 10);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    static Endpointer.State feed(Endpointer e, byte[] pcm) {
        Endpointer.State s = e.state();
        for (int off = 0; off < pcm.length; off += 320) {
            s = e.offer(pcm, off, Math.min(320, pcm.length - off));
        }
        return s;
    }

    @Test
    void anUtteranceEndsAfterTheTrailingSilence() {
        Endpointer e = new Endpointer(Endpointer.Settings.telephone());

        assertThat(feed(e, frames(400, 30, 1))).isEqualTo(Endpointer.State.WAITING);
        assertThat(feed(e, frames(1000, 6000, 2))).isEqualTo(Endpointer.State.SPEAKING);
        assertThat(feed(e, frames(500, 30, 3))).isEqualTo(Endpointer.State.SPEAKING);
        assertThat(feed(e, frames(400, 30, 4))).isEqualTo(Endpointer.State.ENDED);
        // 200 ms pre-roll + 1 s of speech + 800 ms of trailing silence
        assertThat(e.speech().length / 16).isBetween(1900, 2100);
    }

    @Test
    void silenceIsNoInputAfterItsTimeout() {
        Endpointer e = new Endpointer(Endpointer.Settings.telephone());

        assertThat(feed(e, frames(4900, 30, 5))).isEqualTo(Endpointer.State.WAITING);
        assertThat(feed(e, frames(200, 30, 6))).isEqualTo(Endpointer.State.NO_INPUT);
        assertThat(e.speech()).isEmpty();
    }

    @Test
    void aCallerWhoDoesNotStopIsCutAtTheMaximumLength() {
        Endpointer e = new Endpointer(new Endpointer.Settings(8000, 800, 2000, 5000, 500, 60, 200));

        assertThat(feed(e, frames(3000, 6000, 7))).isEqualTo(Endpointer.State.MAX_LENGTH);
    }

    @Test
    void aClickIsNotSpeechAndLoudBackgroundRaisesTheBar() {
        Endpointer e = new Endpointer(Endpointer.Settings.telephone());

        feed(e, frames(500, 400, 8));               // steady background just under the floor
        assertThat(feed(e, frames(40, 6000, 9))).isEqualTo(Endpointer.State.WAITING);   // 40 ms click < 60 ms to start
        assertThat(feed(e, frames(100, 1000, 11))).as("below three times the background").isEqualTo(Endpointer.State.WAITING);
    }
}
