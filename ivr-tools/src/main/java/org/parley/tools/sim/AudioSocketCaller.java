package org.parley.tools.sim;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Asterisk's side of AudioSocket: connects, sends the call's UUID frame, then the caller's audio
 * in 20 ms frames (real time or as fast as the socket takes it), optionally a DTMF digit or a
 * hang-up, exactly as {@code app_audiosocket} frames them (type, 2-byte big-endian length, payload).
 * Stops when the server sends its hang-up frame or closes.
 */
public final class AudioSocketCaller {

    public static final int FRAME_BYTES = 320;

    private final String host;
    private final int port;

    public AudioSocketCaller(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * What the far side did: whether it hung up with a frame, how many audio frames were sent, and how
     * many bytes of audio it played to the caller (a prompt streamed over the socket; frames of pure
     * silence, which keep the stream alive, do not count).
     */
    public record Result(boolean serverHungUp, int framesSent, int audioBytesReceived) {

        public Result(boolean serverHungUp, int framesSent) {
            this(serverHungUp, framesSent, 0);
        }
    }

    private static boolean audible(byte[] pcm) {
        for (byte b : pcm) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads what Parley sends on the socket (its audio, its hang-up) while the caller talks. */
    private static final class FarSide implements Runnable {
        private final DataInputStream in;
        volatile boolean hungUp;
        final java.util.concurrent.atomic.AtomicInteger audioBytes = new java.util.concurrent.atomic.AtomicInteger();

        FarSide(DataInputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int type = in.readUnsignedByte();
                    int length = in.readUnsignedShort();
                    byte[] payload = in.readNBytes(length);
                    // Silence is what Parley sends to keep the stream alive while it listens; only sound counts as played.
                    if (type == 0x10 && audible(payload)) {
                        audioBytes.addAndGet(length);
                    } else if (type == 0x00) {
                        hungUp = true;
                        return;
                    }
                }
            } catch (IOException e) {
                // Parley closed the socket: nothing more comes.
            }
        }
    }

    /**
     * Streams {@code pcm} (8 kHz 16-bit little-endian mono) for {@code call}; sends {@code digit} (or
     * nothing when 0) after {@code digitAfterMs} of audio; ends with a hang-up frame when
     * {@code hangUpAtEnd}, or simply closes when {@code dropAtEnd}. Audio Parley sends meanwhile is
     * taken in (as Asterisk plays it to the caller) and counted.
     */
    public Result stream(UUID call, byte[] pcm, boolean realTime, char digit, int digitAfterMs, boolean hangUpAtEnd, boolean dropAtEnd)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteBuffer id = ByteBuffer.allocate(16).putLong(call.getMostSignificantBits()).putLong(call.getLeastSignificantBits());
            frame(out, 0x01, id.array(), 0, 16);
            FarSide far = new FarSide(new DataInputStream(socket.getInputStream()));
            Thread reader = new Thread(far, "audiosocket-caller-" + call);
            reader.setDaemon(true);
            reader.start();
            int sent = 0;
            long start = System.nanoTime();
            boolean serverClosed = false;
            for (int off = 0; off < pcm.length && !far.hungUp; off += FRAME_BYTES) {
                if (digit != 0 && (long) sent * 20 >= digitAfterMs) {
                    frame(out, 0x03, new byte[] {(byte) digit}, 0, 1);
                    digit = 0;
                }
                try {
                    frame(out, 0x10, pcm, off, Math.min(FRAME_BYTES, pcm.length - off));
                } catch (IOException e) {
                    serverClosed = true; // the server finished listening and closed
                    break;
                }
                sent++;
                if (realTime) {
                    long due = start + sent * 20_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            if (dropAtEnd) {
                socket.setSoLinger(true, 0);
                return new Result(false, sent, far.audioBytes.get());
            }
            if (hangUpAtEnd && !serverClosed && !far.hungUp) {
                try {
                    frame(out, 0x00, new byte[0], 0, 0);
                } catch (IOException e) {
                    // already closed by the server
                }
            }
            reader.join(hangUpAtEnd ? 2_000 : 30_000);
            return new Result(far.hungUp, sent, far.audioBytes.get());
        }
    }

    /**
     * Sends raw bytes (for malformed-protocol tests); returns true when the server then closed the
     * connection, false when it kept it open for {@code waitMillis}.
     */
    public boolean sendRaw(byte[] bytes, int waitMillis) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            // Parley keeps sending (silence while it listens): wait until the deadline, not for a quiet line.
            long deadline = System.nanoTime() + waitMillis * 1_000_000L;
            try {
                byte[] drain = new byte[4096];
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return false;
                    }
                    socket.setSoTimeout((int) left);
                    if (socket.getInputStream().read(drain) < 0) {
                        return true;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the server
            }
        }
    }

    private static void frame(OutputStream out, int type, byte[] payload, int offset, int length) throws IOException {
        byte[] header = {(byte) type, (byte) (length >> 8), (byte) length};
        out.write(header);
        out.write(payload, offset, length);
        out.flush();
    }

    /** The PCM of a WAV file that is 8 kHz, 16-bit, mono (what AudioSocket carries). */
    public static byte[] readWav8k(Path wav) throws IOException {
        org.parley.nlp.audio.Wav w = org.parley.nlp.audio.Wav.read(wav);
        if (w.sampleRate() != 8000) {
            throw new IOException(wav + ": AudioSocket carries 8 kHz 16-bit mono; this file is " + w.sampleRate()
                    + " Hz (convert with: sox in.wav -r 8000 -b 16 -c 1 out.wav)");
        }
        return w.pcm();
    }
}
