package org.parley.camel.audiosocket;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntFunction;
import org.parley.nlp.audio.Endpointer;
import org.parley.nlp.speech.SpeechRecognizer;

/**
 * Asterisk's AudioSocket protocol, server side: every frame is a 3-byte header (type, then the
 * payload length as 2 bytes big-endian) and the payload. A connection starts with {@code 0x01} and
 * the call's 16-byte UUID; then {@code 0x10} audio (8 kHz signed 16-bit little-endian mono, normally
 * 20 ms = 320 bytes), {@code 0x03} a DTMF digit, {@code 0x00} hang-up, {@code 0xff} an error.
 *
 * <p>The dialog {@link #expect expects} a UUID before it runs {@code EXEC AudioSocket <uuid>,host:port};
 * the connection bearing that UUID is endpointed into one utterance (or a digit, silence, the caller
 * hanging up), the server sends its own hang-up frame and closes, and the expectation completes. A
 * malformed frame, a wrong length, an unknown UUID or an abrupt disconnect ends that stream with a
 * log line saying what was wrong; other streams never notice.
 */
public final class AudioSocketServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AudioSocketServer.class.getName());

    public static final int HANGUP = 0x00;
    public static final int UUID_FRAME = 0x01;
    public static final int DTMF = 0x03;
    public static final int AUDIO = 0x10;
    public static final int ERROR = 0xff;
    /** Longest audio frame accepted (400 ms at 8 kHz); Asterisk sends 20 ms. */
    public static final int MAX_AUDIO_BYTES = 6400;
    /** No frame for this long is taken as this much silence from the caller. */
    static final int FRAME_GAP_MS = 100;
    /** Longest wait for the rest of a frame once its first byte arrived. */
    static final int FRAME_REST_MS = 2_000;

    /** Where the server listens and how it endpoints. */
    /**
     * Where to listen, how to endpoint, which hosts may connect (the Asterisk servers) and how many
     * streams may be open at once; a connection beyond that is closed at once (Asterisk's AudioSocket
     * then fails and the dialog offers the keypad), so a flood cannot take a thread each.
     */
    public record Settings(String bindAddress, int port, Endpointer.Settings endpointing,
                           java.util.function.Predicate<InetAddress> allowedPeers, int maxConnections) {

        public Settings(String bindAddress, int port, Endpointer.Settings endpointing) {
            this(bindAddress, port, endpointing, org.parley.camel.net.AllowedPeers.parse("127.0.0.1,::1"), 512);
        }
    }

    /** How an ask ended. */
    public enum Ending { SPEECH, MAX_LENGTH, DTMF, NO_INPUT, HANGUP, ERROR }

    /**
     * What was heard: the utterance's PCM (for the recogniser), or the digit, and why it ended; for
     * speech, {@code live} is the recognition that ran while the caller spoke (null when no decoder was
     * free, then {@code audio} is recognised whole).
     */
    public record Heard(UUID call, Ending ending, byte[] audio, String digits, long heardMs, String detail, SpeechRecognizer.Stream live) {

        public Heard(UUID call, Ending ending, byte[] audio, String digits, long heardMs, String detail) {
            this(call, ending, audio, digits, heardMs, detail, null);
        }
    }

    private final Settings settings;
    private final ThreadFactory threads;
    private final IntFunction<Optional<SpeechRecognizer.Stream>> recognition;
    private final Map<UUID, Expected> expected = new ConcurrentHashMap<>();

    /** A stream the dialog waits for, and the prompt to play on it (null: none). */
    private record Expected(CompletableFuture<Heard> heard, byte[] prompt) {
    }
    private ServerSocket server;
    private volatile boolean running;

    public AudioSocketServer(Settings settings, ThreadFactory threads) {
        this(settings, threads, rate -> Optional.empty());
    }

    /**
     * {@code recognition} starts recognising an utterance as soon as the caller starts speaking
     * (given the sample rate; empty when no decoder is free), so the transcript is ready soon after
     * the caller stops.
     */
    public AudioSocketServer(Settings settings, ThreadFactory threads, IntFunction<Optional<SpeechRecognizer.Stream>> recognition) {
        this.settings = settings;
        this.threads = threads;
        this.recognition = recognition;
    }

    public void start() throws IOException {
        server = new ServerSocket(settings.port(), 200, InetAddress.getByName(settings.bindAddress()));
        running = true;
        Thread acceptor = threads.newThread(this::accept);
        acceptor.setName("audiosocket-accept");
        acceptor.start();
        LOG.log(Level.INFO, "AudioSocket listening on {0}:{1,number,#}", settings.bindAddress(), port());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Registers a call's UUID before Asterisk connects; completes when the utterance is over. */
    public CompletableFuture<Heard> expect(UUID call) {
        return expect(call, null);
    }

    /**
     * Registers a call's UUID and a prompt to play to the caller over the stream while listening
     * (PCM at the stream's rate): the prompt stops as soon as the caller speaks or presses a key
     * (barge-in), and the no-input time starts when it has finished.
     */
    public CompletableFuture<Heard> expect(UUID call, byte[] prompt) {
        CompletableFuture<Heard> heard = new CompletableFuture<>();
        expected.put(call, new Expected(heard, prompt));
        return heard;
    }

    /** Forgets an expectation (the AGI session gave up on it). */
    public void forget(UUID call) {
        Expected waiting = expected.remove(call);
        if (waiting != null) {
            waiting.heard().complete(new Heard(call, Ending.ERROR, new byte[0], "", 0, "Asterisk never connected for this call"));
        }
    }

    private void accept() {
        java.util.concurrent.Semaphore open = new java.util.concurrent.Semaphore(settings.maxConnections());
        while (running) {
            try {
                Socket socket = server.accept();
                if (!settings.allowedPeers().test(socket.getInetAddress())) {
                    if (!(settings.allowedPeers() instanceof org.parley.camel.net.AllowedPeers peers) || peers.logRefusal(socket.getInetAddress())) {
                        LOG.log(Level.WARNING, "AudioSocket connection from {0} refused: not one of the Asterisk hosts in"
                                + " parley.asterisk.allowed-hosts (logged once a minute per host)", socket.getInetAddress().getHostAddress());
                    }
                    socket.close();
                    continue;
                }
                if (!open.tryAcquire()) {
                    LOG.log(Level.WARNING, "AudioSocket connection from {0} refused: {1} streams are open already"
                            + " (parley.audiosocket.max-connections)", socket.getInetAddress().getHostAddress(), settings.maxConnections());
                    socket.close();
                    continue;
                }
                Thread t;
                try {
                    t = threads.newThread(() -> {
                        try {
                            serve(socket);
                        } finally {
                            open.release();
                        }
                    });
                } catch (RuntimeException e) {
                    open.release();
                    socket.close();
                    throw e;
                }
                t.setName("audiosocket-" + socket.getPort());
                t.start();
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "AudioSocket accept failed: {0}", e.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        String peer = socket.getRemoteSocketAddress().toString();
        UUID call = null;
        CompletableFuture<Heard> waiting = null;
        Player player = null;
        Heard heard;
        try (socket; DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
             OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(settings.endpointing().noInputMs() + 2_000);
            int type = in.readUnsignedByte();
            int length = in.readUnsignedShort();
            if (type != UUID_FRAME || length != 16) {
                LOG.log(Level.WARNING, "AudioSocket from {0}: the first frame must be 0x01 with the 16-byte call UUID, got type 0x{1}"
                        + " length {2}; closing", peer, Integer.toHexString(type), length);
                return;
            }
            byte[] id = new byte[16];
            in.readFully(id);
            ByteBuffer b = ByteBuffer.wrap(id);
            call = new UUID(b.getLong(), b.getLong());
            Expected expectation = expected.remove(call);
            if (expectation == null) {
                LOG.log(Level.WARNING, "AudioSocket from {0} for call {1}, which no dialog is listening for; closing", peer, call);
                return;
            }
            waiting = expectation.heard();
            // Always a player: after the prompt (if any) it keeps sending silence, because app_audiosocket
            // gives up after 2 s without a frame in either direction and a silent caller (a Local channel, a
            // phone with silence suppression) sends none.
            player = new Player(out, expectation.prompt() == null ? new byte[0] : expectation.prompt(), settings.endpointing().sampleRate());
            Thread t = threads.newThread(player);
            t.setName("audiosocket-play-" + socket.getPort());
            t.start();
            heard = listen(call, socket, in, peer, player);
            if (player != null) {
                player.stop();
            }
            synchronized (out) {
                sendHangup(out);
            }
        } catch (EOFException e) {
            heard = call == null ? null : new Heard(call, Ending.HANGUP, new byte[0], "", 0, "the connection closed without a hang-up frame");
        } catch (java.net.SocketException e) {
            // An abrupt disconnect (reset) is the caller's channel going away: a hang-up, said so in the log.
            heard = call == null ? null : new Heard(call, Ending.HANGUP, new byte[0], "", 0, "the connection dropped: " + e.getMessage());
            LOG.log(Level.INFO, "AudioSocket from {0} for call {1} dropped: {2}", peer, call, e.getMessage());
        } catch (SocketTimeoutException e) {
            heard = call == null ? null : new Heard(call, Ending.NO_INPUT, new byte[0], "", 0, "no audio arrived");
        } catch (IOException e) {
            heard = call == null ? null : new Heard(call, Ending.ERROR, new byte[0], "", 0, e.toString());
            LOG.log(Level.WARNING, "AudioSocket from {0} for call {1}: {2}", peer, call, e.toString());
        }
        if (player != null) {
            player.stop();
        }
        if (waiting != null) {
            waiting.complete(heard != null ? heard : new Heard(call, Ending.ERROR, new byte[0], "", 0, "stream ended"));
        }
    }

    private Heard listen(UUID call, Socket socket, DataInputStream in, String peer, Player player) throws IOException {
        Live live = new Live();
        Heard heard = null;
        try {
            heard = listen(call, socket, in, peer, live, player);
            return heard;
        } finally {
            // Only speech goes on to the recogniser; anything else (a key, a hang-up, an error) frees the decoder now.
            if (live.stream != null && (heard == null || (heard.ending() != Ending.SPEECH && heard.ending() != Ending.MAX_LENGTH))) {
                live.stream.cancel();
            }
        }
    }

    /** The recognition running while the caller speaks, if one could be started. */
    private static final class Live {
        SpeechRecognizer.Stream stream;
        boolean tried;
    }

    private void follow(Live live, Endpointer endpointer, Endpointer.State state, byte[] frame, int length) {
        if (state == Endpointer.State.WAITING || state == Endpointer.State.NO_INPUT) {
            return;
        }
        if (!live.tried) {
            live.tried = true;
            try {
                live.stream = recognition.apply(settings.endpointing().sampleRate()).orElse(null);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "AudioSocket: could not start recognising while the caller speaks: {0}", e.toString());
            }
            if (live.stream != null) {
                byte[] speech = endpointer.speech(); // the pre-roll and this frame
                live.stream.feed(speech, 0, speech.length);
            }
        } else if (live.stream != null) {
            live.stream.feed(frame, 0, length);
        }
    }

    private Heard listen(UUID call, Socket socket, DataInputStream in, String peer, Live live, Player player) throws IOException {
        Endpointer.Settings e = settings.endpointing();
        // With a prompt playing, the caller's time to answer starts when it ends.
        int promptMs = player == null ? 0 : player.millis();
        Endpointer endpointer = new Endpointer(new Endpointer.Settings(e.sampleRate(), e.trailingSilenceMs(), e.maxUtteranceMs(),
                e.noInputMs() + promptMs, e.minSpeechRms(), e.speechStartMs(), e.preRollMs()));
        byte[] buffer = new byte[MAX_AUDIO_BYTES];
        // No frame for a while is silence (a Local channel or a phone with silence suppression sends nothing
        // while the caller is quiet): the endpointer hears that much silence, so it ends the utterance or the
        // wait for one as it would on audio. A peer that keeps sending frames with no audio in them is
        // bounded by the longest an ask can take.
        byte[] gap = new byte[e.sampleRate() / 1000 * FRAME_GAP_MS * 2];
        long deadline = System.nanoTime() + (e.noInputMs() + promptMs + e.maxUtteranceMs() + 2_000L) * 1_000_000L;
        while (true) {
            if (System.nanoTime() > deadline) {
                return malformed(call, peer, "the stream outlasted the longest ask without ending an utterance");
            }
            int type;
            int length;
            Endpointer.State state;
            socket.setSoTimeout(FRAME_GAP_MS);
            try {
                type = in.readUnsignedByte();
            } catch (SocketTimeoutException quiet) {
                state = endpointer.offer(gap, 0, gap.length);
                follow(live, endpointer, state, gap, gap.length);
                Heard ended = ended(call, endpointer, state, live);
                if (ended != null) {
                    return ended;
                }
                continue;
            }
            // Once a frame has started, the rest of it must follow soon.
            socket.setSoTimeout(FRAME_REST_MS);
            length = in.readUnsignedShort();
            switch (type) {
                case AUDIO -> {
                    if (length > MAX_AUDIO_BYTES || length % 2 != 0) {
                        return malformed(call, peer, "audio frame of " + length + " bytes (16-bit samples, at most " + MAX_AUDIO_BYTES + ")");
                    }
                    in.readFully(buffer, 0, length);
                    state = endpointer.offer(buffer, 0, length);
                    if (player != null && state != Endpointer.State.WAITING) {
                        player.cut(); // barge-in: the caller is speaking
                    }
                    follow(live, endpointer, state, buffer, length);
                    Heard ended = ended(call, endpointer, state, live);
                    if (ended != null) {
                        return ended;
                    }
                }
                case DTMF -> {
                    if (length != 1) {
                        return malformed(call, peer, "DTMF frame of " + length + " bytes (one digit)");
                    }
                    char digit = (char) in.readUnsignedByte();
                    if (player != null) {
                        player.cut();
                    }
                    if ("0123456789*#ABCD".indexOf(digit) < 0) {
                        return malformed(call, peer, "DTMF frame with '" + digit + "', not a key");
                    }
                    return new Heard(call, Ending.DTMF, endpointer.speech(), String.valueOf(digit), endpointer.heardMs(), "");
                }
                case HANGUP -> {
                    return new Heard(call, Ending.HANGUP, endpointer.speech(), "", endpointer.heardMs(), "the caller hung up");
                }
                case ERROR -> {
                    byte[] code = new byte[length];
                    in.readFully(code);
                    LOG.log(Level.WARNING, "AudioSocket call {0}: Asterisk reported error {1}", call,
                            code.length > 0 ? String.format("0x%02x", code[0]) : "(no code)");
                    return new Heard(call, Ending.ERROR, endpointer.speech(), "", endpointer.heardMs(), "Asterisk reported an error");
                }
                default -> {
                    return malformed(call, peer, "unknown frame type 0x" + Integer.toHexString(type));
                }
            }
        }
    }

    /** What the endpointer's state means for the ask: over (speech, too long, nothing said) or null: go on. */
    private static Heard ended(UUID call, Endpointer endpointer, Endpointer.State state, Live live) {
        return switch (state) {
            case ENDED -> new Heard(call, Ending.SPEECH, endpointer.speech(), "", endpointer.heardMs(), "", live.stream);
            case MAX_LENGTH -> new Heard(call, Ending.MAX_LENGTH, endpointer.speech(), "", endpointer.heardMs(), "", live.stream);
            case NO_INPUT -> new Heard(call, Ending.NO_INPUT, new byte[0], "", endpointer.heardMs(), "");
            default -> null;
        };
    }

    /**
     * What Parley sends while it listens: the prompt (if any) in 20 ms audio frames, paced in real time
     * as Asterisk expects them, until it ends or is {@link #cut} (barge-in); then 20 ms frames of
     * silence until {@link #stop}, so Asterisk's AudioSocket never times out on a silent caller.
     */
    private static final class Player implements Runnable {
        private final OutputStream out;
        private final byte[] prompt;
        private final int frameBytes;
        private volatile boolean cut;
        private volatile boolean stopped;

        Player(OutputStream out, byte[] prompt, int sampleRate) {
            this.out = out;
            this.prompt = prompt;
            this.frameBytes = sampleRate / 50 * 2;
        }

        int millis() {
            return prompt.length / frameBytes * 20;
        }

        /** Stops the prompt; silence goes on. */
        void cut() {
            cut = true;
        }

        /** Stops sending altogether (listening is over). */
        void stop() {
            cut = true;
            stopped = true;
        }

        @Override
        public void run() {
            byte[] silence = new byte[frameBytes];
            byte[] frame = new byte[3 + frameBytes];
            long start = System.nanoTime();
            int frames = 0;
            try {
                for (int off = 0; !stopped; off += frameBytes) {
                    boolean speaking = !cut && off < prompt.length;
                    byte[] source = speaking ? prompt : silence;
                    int from = speaking ? off : 0;
                    int length = speaking ? Math.min(frameBytes, prompt.length - off) : frameBytes;
                    // Header and payload in one write: Asterisk's res_audiosocket reads the payload right after the
                    // header with a short poll, and a payload held back by Nagle's algorithm fails that read.
                    frame[0] = (byte) AUDIO;
                    frame[1] = (byte) (length >> 8);
                    frame[2] = (byte) length;
                    System.arraycopy(source, from, frame, 3, length);
                    synchronized (out) {
                        if (stopped) {
                            break;
                        }
                        out.write(frame, 0, 3 + length);
                        out.flush();
                    }
                    frames++;
                    long wait = start + frames * 20_000_000L - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (IOException e) {
                // the stream ended (caller gone, listening over)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Heard malformed(UUID call, String peer, String what) {
        LOG.log(Level.WARNING, "AudioSocket from {0} for call {1}: {2}; ending this stream", peer, call, what);
        return new Heard(call, Ending.ERROR, new byte[0], "", 0, what);
    }

    private static void sendHangup(OutputStream out) {
        try {
            out.write(new byte[] {HANGUP, 0, 0});
            out.flush();
        } catch (IOException e) {
            // the caller's side is already gone
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        if (server != null) {
            server.close();
        }
        expected.keySet().forEach(this::forget);
    }
}
