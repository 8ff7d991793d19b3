package org.parley.nlp.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WavTest {

    private static byte[] wav(short format, short channels, int rate, short bits, int dataSize, byte[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157).putInt(0x20746d66).putInt(16).putShort(format).putShort(channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort(bits).putInt(0x61746164)
                .putInt(dataSize).put(pcm);
        return b.array();
    }

    @Test
    void readsTheCorpusAndAsterisksUnfinishedHeaders() throws IOException {
        Wav corpus = Wav.read(Path.of("src/test/audio/narrowband/u01.wav"));
        assertThat(corpus.sampleRate()).isEqualTo(8000);
        assertThat(corpus.millis()).isBetween(1000L, 4000L);

        // a recording still open in Asterisk has no data size yet: the rest of the file is the data
        Wav open = Wav.parse(wav((short) 1, (short) 1, 16000, (short) 16, 0, new byte[640]), "open.wav");
        assertThat(open.pcm()).hasSize(640);
        assertThat(open.sampleRate()).isEqualTo(16000);
    }

    @Test
    void otherFormatsAreRefusedWithHowToConvert() {
        assertThatThrownBy(() -> Wav.parse(wav((short) 1, (short) 2, 8000, (short) 16, 4, new byte[4]), "stereo.wav"))
                .hasMessageContaining("stereo.wav").hasMessageContaining("2 channel(s)").hasMessageContaining("sox");
        assertThatThrownBy(() -> Wav.parse(wav((short) 7, (short) 1, 8000, (short) 8, 4, new byte[4]), "ulaw.wav"))
                .hasMessageContaining("format 7");
        assertThatThrownBy(() -> Wav.parse("not a wav".getBytes(), "x.txt")).hasMessageContaining("not a RIFF/WAVE");
    }
}
