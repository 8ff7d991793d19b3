package org.parley.camel.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.camel.audiosocket.AudioSocketServer.Ending;
import org.parley.camel.audiosocket.AudioSocketServer.Heard;
import org.parley.nlp.audio.Endpointer;
import org.parley.tools.sim.AudioSocketCaller;

/** The AudioSocket server on a real socket, fed by the simulator's Asterisk side. */
class AudioSocketServerTest {

    private AudioSocketServer server;
    private AudioSocketCaller asterisk;

    @BeforeEach
    void start() throws Exception {
        server = new AudioSocketServer(new AudioSocketServer.Settings("127.0.0.1", 0,
                new Endpointer.Settings(8000, 600, 10_000, 1_500, 500, 60, 200)), Executors.defaultThreadFactory());
        server.start();
        asterisk = new AudioSocketCaller("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** {@code ms} of 8 kHz PCM: a 220 Hz tone at {@code amplitude} (0 = silence). */
    static byte[] pcm(int ms, int amplitude) {
        byte[] pcm = new byte[16 * ms];
        for (int i = 0; i < pcm.length / 2; i++) {
            int v = (int) (amplitude * Math.sin(i * 2 * Math.PI * 220 / 8000));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return pcm;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Test
    void anUtteranceIsEndpointedAndTheServerHangsUpItsSide() throws Exception {
        UUID call = UUID.randomUUID();
        CompletableFuture<Heard> heard = server.expect(call);

        var result = asterisk.stream(call, concat(pcm(300, 0), pcm(1200, 8000), pcm(2000, 0)), false, (char) 0, 0, false, false);

        Heard h = heard.get(10, TimeUnit.SECONDS);
        assertThat(h.ending()).isEqualTo(Ending.SPEECH);
        assertThat(h.audio().length / 16).as("ms of audio kept").isBetween(1900, 2100); // pre-roll + speech + trailing silence
        assertThat(result.serverHungUp()).isTrue();
    }

    @Test
    void aRealCallerUtteranceOverNarrowbandIsEndpointedWholeInRealTime() throws Exception {
        byte[] caller = AudioSocketCaller.readWav8k(java.nio.file.Path.of("../ivr-nlp/src/test/audio/narrowband/u49.wav"));
        UUID call = UUID.randomUUID();
        CompletableFuture<Heard> heard = server.expect(call);

        long start = System.nanoTime();
        asterisk.stream(call, concat(caller, pcm(1500, 0)), true, (char) 0, 0, false, false);

        Heard h = heard.get(10, TimeUnit.SECONDS);
        assertThat(h.ending()).isEqualTo(Ending.SPEECH);
        int utteranceMs = caller.length / 16;
        // everything the caller said (the file has 0.3 s of silence at each end), then the 600 ms of trailing silence
        assertThat(h.audio().length / 16).isBetween(utteranceMs - 500, utteranceMs + 800);
        assertThat((System.nanoTime() - start) / 1_000_000).as("streamed in real time").isGreaterThanOrEqualTo(utteranceMs);
    }

    @Test
    void aDigitEndsListeningAndSilenceIsNoInput() throws Exception {
        UUID keyed = UUID.randomUUID();
        CompletableFuture<Heard> digit = server.expect(keyed);
        asterisk.stream(keyed, pcm(2000, 0), false, '3', 400, false, false);
        assertThat(digit.get(10, TimeUnit.SECONDS)).satisfies(h -> {
            assertThat(h.ending()).isEqualTo(Ending.DTMF);
            assertThat(h.digits()).isEqualTo("3");
        });

        UUID silent = UUID.randomUUID();
        CompletableFuture<Heard> nothing = server.expect(silent);
        asterisk.stream(silent, pcm(3000, 0), false, (char) 0, 0, false, false);
        assertThat(nothing.get(10, TimeUnit.SECONDS).ending()).isEqualTo(Ending.NO_INPUT);
    }

    @Test
    void aCallerWhoHangsUpMidUtteranceIsReportedAsHangup() throws Exception {
        UUID call = UUID.randomUUID();
        CompletableFuture<Heard> heard = server.expect(call);

        asterisk.stream(call, concat(pcm(200, 0), pcm(500, 8000)), false, (char) 0, 0, true, false);
        assertThat(heard.get(10, TimeUnit.SECONDS).ending()).isEqualTo(Ending.HANGUP);

        UUID dropped = UUID.randomUUID();
        CompletableFuture<Heard> gone = server.expect(dropped);
        asterisk.stream(dropped, concat(pcm(200, 0), pcm(500, 8000)), false, (char) 0, 0, false, true);
        assertThat(gone.get(10, TimeUnit.SECONDS).ending()).isEqualTo(Ending.HANGUP);
    }

    @Test
    void aHealthyStreamThatIsStillListeningIsNotClosed() throws Exception {
        UUID call = UUID.randomUUID();
        server.expect(call);
        java.nio.ByteBuffer id = java.nio.ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                .putLong(call.getMostSignificantBits()).putLong(call.getLeastSignificantBits());

        assertThat(asterisk.sendRaw(concat(id.array(), new byte[] {0x10, 0x01, 0x40}, pcm(20, 0)), 500)).isFalse();
    }

    @Test
    void badStreamsEndAloneAndOtherCallsAreServed() throws Exception {
        UUID good = UUID.randomUUID();
        CompletableFuture<Heard> heard = server.expect(good);

        // no UUID first, an unknown UUID, an odd-length audio frame, an unknown frame type
        assertThat(asterisk.sendRaw(new byte[] {0x10, 0x01, 0x40, 1, 2, 3}, 5_000)).as("closed: no UUID frame first").isTrue();
        UUID stranger = UUID.randomUUID();
        assertThat(asterisk.stream(stranger, pcm(100, 0), false, (char) 0, 0, false, false).serverHungUp()).isFalse();
        UUID odd = UUID.randomUUID();
        CompletableFuture<Heard> oddHeard = server.expect(odd);
        java.nio.ByteBuffer id = java.nio.ByteBuffer.allocate(19).put((byte) 1).putShort((short) 16)
                .putLong(odd.getMostSignificantBits()).putLong(odd.getLeastSignificantBits());
        assertThat(asterisk.sendRaw(concat(id.array(), new byte[] {0x10, 0x00, 0x03, 1, 2, 3}), 5_000)).as("closed: odd length").isTrue();
        assertThat(oddHeard.get(10, TimeUnit.SECONDS)).satisfies(h -> {
            assertThat(h.ending()).isEqualTo(Ending.ERROR);
            assertThat(h.detail()).contains("audio frame of 3 bytes");
        });

        asterisk.stream(good, concat(pcm(300, 0), pcm(800, 8000), pcm(1500, 0)), false, (char) 0, 0, false, false);
        assertThat(heard.get(10, TimeUnit.SECONDS).ending()).isEqualTo(Ending.SPEECH);
    }

    /** Records what a recogniser would be fed while the caller speaks, and how the stream ended. */
    static final class RecordingStream implements org.parley.nlp.speech.SpeechRecognizer.Stream {
        final java.io.ByteArrayOutputStream fed = new java.io.ByteArrayOutputStream();
        volatile String end = "";

        @Override
        public void feed(byte[] pcm, int offset, int length) {
            fed.write(pcm, offset, length);
        }

        @Override
        public org.parley.nlp.speech.Transcript finish() {
            end = "finished";
            return org.parley.nlp.speech.Transcript.nothing(0, 0);
        }

        @Override
        public void cancel() {
            end = "cancelled";
        }
    }

    @Test
    void theRecogniserHearsTheUtteranceWhileItIsSpokenAndIsFreedWhenAKeyEndsIt() throws Exception {
        server.close();
        java.util.List<RecordingStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = new AudioSocketServer(new AudioSocketServer.Settings("127.0.0.1", 0,
                new Endpointer.Settings(8000, 600, 10_000, 1_500, 500, 60, 200)), Executors.defaultThreadFactory(), rate -> {
                    RecordingStream s = new RecordingStream();
                    streams.add(s);
                    return java.util.Optional.of(s);
                });
        server.start();
        asterisk = new AudioSocketCaller("127.0.0.1", server.port());

        UUID spoken = UUID.randomUUID();
        CompletableFuture<Heard> heard = server.expect(spoken);
        asterisk.stream(spoken, concat(pcm(300, 0), pcm(1200, 8000), pcm(2000, 0)), false, (char) 0, 0, false, false);
        Heard h = heard.get(10, TimeUnit.SECONDS);

        assertThat(h.live()).isSameAs(streams.get(0));
        assertThat(streams.get(0).fed.toByteArray()).as("fed exactly the endpointed utterance").isEqualTo(h.audio());
        assertThat(streams.get(0).end).as("finishing is the dialog's part").isEmpty();

        UUID keyed = UUID.randomUUID();
        CompletableFuture<Heard> key = server.expect(keyed);
        asterisk.stream(keyed, concat(pcm(300, 0), pcm(1200, 8000), pcm(2000, 0)), false, '5', 800, false, false);
        Heard k = key.get(10, TimeUnit.SECONDS);

        assertThat(k.ending()).isEqualTo(Ending.DTMF);
        assertThat(k.live()).isNull();
        assertThat(streams.get(1).end).isEqualTo("cancelled");
    }

    /** Connects as Asterisk does and sends the UUID frame; the caller then sends only what the test sends. */
    private static java.net.Socket connect(int port, UUID call) throws Exception {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(19).put((byte) AudioSocketServer.UUID_FRAME).putShort((short) 16)
                .putLong(call.getMostSignificantBits()).putLong(call.getLeastSignificantBits());
        socket.getOutputStream().write(frame.array());
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void aCallerWhoSendsNoAudioFor10SecondsKeepsAnOpenStreamFedWithSilence() throws Exception {
        // Asterisk's app_audiosocket ends the call's AudioSocket after 2 s without a frame in either direction.
        try (AudioSocketServer patient = new AudioSocketServer(new AudioSocketServer.Settings("127.0.0.1", 0,
                new Endpointer.Settings(8000, 600, 10_000, 11_000, 500, 60, 200)), Executors.defaultThreadFactory())) {
            patient.start();
            UUID call = UUID.randomUUID();
            CompletableFuture<Heard> heard = patient.expect(call);
            try (java.net.Socket socket = connect(patient.port(), call)) {
                socket.setSoTimeout(1_000);
                java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
                long start = System.nanoTime();
                long last = start;
                long longestGapMs = 0;
                int silenceFrames = 0;
                while (System.nanoTime() - start < 10_000_000_000L) {
                    int type = in.readUnsignedByte();
                    int length = in.readUnsignedShort();
                    byte[] payload = in.readNBytes(length);
                    long now = System.nanoTime();
                    longestGapMs = Math.max(longestGapMs, (now - last) / 1_000_000);
                    last = now;
                    assertThat(type).as("only audio while listening").isEqualTo(AudioSocketServer.AUDIO);
                    assertThat(payload).hasSize(320).containsOnly(0);
                    silenceFrames++;
                }
                assertThat(heard).as("still listening after 10 s of a silent caller").isNotDone();
                assertThat(longestGapMs).as("longest gap between Parley's frames (Asterisk gives up after 2000 ms)").isLessThan(500);
                assertThat(silenceFrames).as("20 ms frames in 10 s").isBetween(400, 520);
                // and once the no-input time is over, the ask ends as no input
                Heard h = heard.get(5, TimeUnit.SECONDS);
                assertThat(h.ending()).isEqualTo(Ending.NO_INPUT);
            }
        }
    }

    @Test
    void aPhoneThatStopsSendingFramesWhenTheCallerFallsSilentStillEndsTheUtterance() throws Exception {
        // silence suppression: speech frames, then nothing at all instead of silent frames
        UUID call = UUID.randomUUID();
        CompletableFuture<Heard> heard = server.expect(call);
        try (java.net.Socket socket = connect(server.port(), call)) {
            byte[] speech = pcm(1200, 8000);
            java.io.OutputStream out = socket.getOutputStream();
            for (int off = 0; off < speech.length; off += 320) {
                out.write(new byte[] {(byte) AudioSocketServer.AUDIO, 1, 64});
                out.write(speech, off, 320);
            }
            out.flush();
            Heard h = heard.get(5, TimeUnit.SECONDS);
            assertThat(h.ending()).isEqualTo(Ending.SPEECH);
            assertThat(h.audio().length / 16).as("ms of audio kept, the gap counted as trailing silence").isBetween(1200, 2200);
        }
    }
}
