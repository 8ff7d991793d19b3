package org.parley.camel.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.camel.audiosocket.AudioSocketServer;
import org.parley.camel.fastagi.FastAgiComponent;
import org.parley.camel.fastagi.FastAgiConstants;
import org.parley.ivr.dialog.CallerHungUpException;
import org.parley.ivr.dialog.Listened;
import org.parley.nlp.audio.Endpointer;
import org.parley.tools.sim.AudioSocketCaller;
import org.parley.tools.sim.CallScript;
import org.parley.tools.sim.FastAgiCall;

/**
 * Both speech transports over real sockets: asterisk-java's FastAGI server (the fastagi component)
 * drives the simulator's Asterisk, which streams over AudioSocket or writes RECORD FILE recordings.
 */
class SpeechTransportTest {

    private static final Endpointer.Settings ENDPOINTING = new Endpointer.Settings(8000, 600, 10_000, 2_000, 500, 60, 200);

    @TempDir
    Path recordings;

    private CamelContext camel;
    private AudioSocketServer audioSocket;
    private int port;
    private CompletableFuture<Object> outcome;
    private org.parley.tools.sim.CallResult lastCall;
    private volatile String promptFile;

    @AfterEach
    void stop() throws IOException {
        if (camel != null) {
            camel.stop();
        }
        if (audioSocket != null) {
            audioSocket.close();
        }
    }

    private void serve(SpeechTransport transport) throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        camel = new DefaultCamelContext();
        camel.addComponent("fastagi", new FastAgiComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("fastagi:ivr?bindAddress=127.0.0.1&port=" + port + "&maxSessions=10&readTimeoutSeconds=30").process(exchange -> {
                    AgiRequest request = exchange.getIn().getBody(AgiRequest.class);
                    AgiChannel agi = exchange.getIn().getHeader(FastAgiConstants.CHANNEL, AgiChannel.class);
                    try {
                        outcome.complete(transport.listen(request, agi, request.getUniqueId(), promptFile));
                    } catch (RuntimeException e) {
                        outcome.complete(e);
                    }
                });
            }
        });
        camel.start();
    }

    private Object call(CallScript script) throws Exception {
        outcome = new CompletableFuture<>();
        lastCall = new FastAgiCall("127.0.0.1", port, Duration.ofSeconds(30)).place(script);
        return outcome.get(30, TimeUnit.SECONDS);
    }

    private SpeechTransport recording(Path parleySees, String asteriskWrites) {
        return new SpeechTransport(new SpeechTransport.Settings(SpeechTransport.Kind.RECORD, null, 0, ENDPOINTING, parleySees,
                asteriskWrites, "wav"), null);
    }

    private static byte[] caller(String id) throws IOException {
        return AudioSocketCaller.readWav8k(Path.of("../ivr-nlp/src/test/audio/narrowband/" + id + ".wav"));
    }

    @Test
    void recordFileBringsTheUtteranceEndpointedAndLeavesNoFileBehind() throws Exception {
        serve(recording(recordings, recordings.toString()));
        byte[] words = caller("u01");

        Listened heard = (Listened) call(CallScript.from("5550001").speak(words, false));

        assertThat(heard.kind()).isEqualTo(Listened.Kind.SPEECH);
        assertThat(heard.sampleRate()).isEqualTo(8000);
        assertThat(heard.audio().length).as("the utterance with its pre-roll and trailing silence, not the whole recording")
                .isBetween(words.length / 2, words.length + 16 * 1000);
        assertThat(Files.list(recordings)).isEmpty();
    }

    @Test
    void recordFileSilenceIsNoInputAKeyIsKeptAndAHangUpIsAHangUp() throws Exception {
        serve(recording(recordings, recordings.toString()));

        assertThat(((Listened) call(CallScript.from("5550002").staySilent())).kind()).isEqualTo(Listened.Kind.NO_INPUT);
        Listened key = (Listened) call(CallScript.from("5550003").speakThenPress(caller("u05"), false, '3', 400));
        assertThat(key.kind()).isEqualTo(Listened.Kind.DIGITS);
        assertThat(key.digits()).isEqualTo("3");
        assertThat(call(CallScript.from("5550004").speakThenHangUp(caller("u05"), false, 400))).isInstanceOf(CallerHungUpException.class);
        assertThat(Files.list(recordings)).isEmpty();
    }

    @Test
    void recordingsParleyCannotSeeFailWithTheSettingToFix(@TempDir Path elsewhere) throws Exception {
        serve(recording(recordings, elsewhere.toString()));

        Listened heard = (Listened) call(CallScript.from("5550005").speak(caller("u01"), false));

        assertThat(heard.kind()).isEqualTo(Listened.Kind.FAILED);
        assertThat(heard.detail()).contains("parley.speech.record.dir").contains("parley.speech.record.asterisk-dir");
    }

    @Test
    void audioSocketBringsTheUtteranceAndTheSimulatorSawTheAsteriskCommand() throws Exception {
        audioSocket = new AudioSocketServer(new AudioSocketServer.Settings("127.0.0.1", 0, ENDPOINTING), Executors.defaultThreadFactory());
        audioSocket.start();
        serve(new SpeechTransport(new SpeechTransport.Settings(SpeechTransport.Kind.AUDIOSOCKET, "127.0.0.1", audioSocket.port(), ENDPOINTING,
                null, null, "wav"), audioSocket));

        Listened heard = (Listened) call(CallScript.from("5550006").speak(caller("u01"), false));
        Listened silent = (Listened) call(CallScript.from("5550007").staySilent());

        assertThat(heard.kind()).isEqualTo(Listened.Kind.SPEECH);
        assertThat(heard.audio().length).isGreaterThan(16 * 1000);
        assertThat(silent.kind()).isEqualTo(Listened.Kind.NO_INPUT);
    }

    /** A WAV file of {@code ms} of a 440 Hz tone at 8 kHz. */
    private static void promptWav(Path file, int ms) throws IOException {
        byte[] pcm = new byte[ms * 16];
        for (int i = 0; i < ms * 8; i++) {
            short v = (short) (6000 * Math.sin(2 * Math.PI * 440 * i / 8000));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, new org.parley.nlp.audio.Wav(pcm, 8000).toBytes());
    }

    @Test
    void aPromptParleyPlaysOverAudioSocketStopsWhenTheCallerSpeaks(@TempDir Path prompts) throws Exception {
        promptWav(prompts.resolve("parley/how-can-i-help.wav"), 4000);
        audioSocket = new AudioSocketServer(new AudioSocketServer.Settings("127.0.0.1", 0, ENDPOINTING), Executors.defaultThreadFactory());
        audioSocket.start();
        SpeechTransport transport = new SpeechTransport(new SpeechTransport.Settings(SpeechTransport.Kind.AUDIOSOCKET, "127.0.0.1",
                audioSocket.port(), ENDPOINTING, null, null, "wav"), audioSocket, new PromptAudio(prompts, 8000));
        serve(transport);
        promptFile = "parley/how-can-i-help";
        assertThat(transport.playsWhileListening("parley/how-can-i-help")).isTrue();
        assertThat(transport.playsWhileListening("parley/goodbye")).as("no audio for it: Asterisk plays it").isFalse();

        // the caller talks over the prompt from its first second
        Listened interrupted = (Listened) call(CallScript.from("5550008").speak(concat(new byte[16 * 1000], caller("u01")), true));
        int playedMs = promptMs(lastCall);
        // a caller who waits: the whole prompt, then the time to answer
        Listened waited = (Listened) call(CallScript.from("5550009").realTimeSilence(true).staySilent());

        assertThat(interrupted.kind()).isEqualTo(Listened.Kind.SPEECH);
        assertThat(playedMs).as("barge-in: the prompt stopped soon after the caller started").isBetween(900, 2000);
        assertThat(waited.kind()).isEqualTo(Listened.Kind.NO_INPUT);
        assertThat(promptMs(lastCall)).as("the whole prompt").isBetween(3900, 4100);
    }

    private static int promptMs(org.parley.tools.sim.CallResult call) {
        return call.played().stream().filter(p -> p.startsWith("audiosocket:")).mapToInt(p -> Integer.parseInt(p.replaceAll("\\D", "")))
                .sum();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
