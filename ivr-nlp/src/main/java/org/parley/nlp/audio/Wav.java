package org.parley.nlp.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** 16-bit mono PCM from a RIFF/WAVE file, as Asterisk's {@code RECORD FILE} (wav, wav16) and sox write it. */
public record Wav(byte[] pcm, int sampleRate) {

    public static Wav read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses a WAV file's bytes; {@code source} names it in errors. */
    public static Wav parse(byte[] bytes, String source) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(source + ": not a RIFF/WAVE file");
        }
        int pos = 12;
        int format = 0;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) { // "fmt "
                format = b.getShort(pos + 8);
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22);
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IOException(source + ": expected 16-bit PCM mono, got format " + format + ", " + bits + "-bit, " + channels
                            + " channel(s) (convert with: sox in.wav -b 16 -c 1 -e signed-integer out.wav)");
                }
                // Asterisk leaves the data size unset (0 or -1) while recording and fixes it on close; trust the file.
                int length = size <= 0 || size > b.limit() - pos - 8 ? b.limit() - pos - 8 : size;
                byte[] pcm = new byte[length & ~1];
                b.get(pos + 8, pcm);
                return new Wav(pcm, rate);
            }
            if (size < 0) {
                break;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(source + ": no data chunk");
    }

    /** This audio as a WAV file (16-bit PCM mono), as Asterisk's {@code RECORD FILE} writes {@code wav}. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157).putInt(0x20746d66).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .putInt(0x61746164).putInt(pcm.length).put(pcm);
        return b.array();
    }

    public long millis() {
        return sampleRate == 0 ? 0 : pcm.length / 2 * 1000L / sampleRate;
    }
}
