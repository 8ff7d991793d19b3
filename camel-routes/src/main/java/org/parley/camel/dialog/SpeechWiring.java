package org.parley.camel.dialog;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.audiosocket.AudioSocketServer;
import org.parley.camel.boot.RouteFamily;
import org.parley.camel.net.AsteriskPeers;
import org.parley.health.Part;
import org.parley.ivr.speech.SpeechService;
import org.parley.nlp.audio.Endpointer;

/**
 * How the dialog hears the caller ({@code parley.speech.transport}): the AudioSocket server, started
 * here, streams the call's audio; RECORD FILE has Asterisk write each answer where Parley reads it;
 * none listens to keys only. Configured by the {@code parley.audiosocket.*} and
 * {@code parley.speech.*} keys; the endpointing settings are shared by both transports.
 */
@ApplicationScoped
public class SpeechWiring implements RouteFamily {

    private static final System.Logger LOG = System.getLogger(SpeechWiring.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    SpeechService speech;

    @Inject
    @Part
    AudioSocketCheck health;

    @Inject
    AsteriskPeers peers;

    @Inject
    @ConfigProperty(name = "parley.audiosocket.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "parley.audiosocket.port", defaultValue = "9092")
    int port;

    @Inject
    @ConfigProperty(name = "parley.audiosocket.max-connections", defaultValue = "512")
    int maxConnections;

    /** The address Asterisk connects its AudioSocket to (default: the address it reached FastAGI on). */
    @Inject
    @ConfigProperty(name = "parley.audiosocket.advertised-host")
    Optional<String> advertisedHost;

    /** 8000 for AudioSocket's signed linear 8 kHz; 16000 where Asterisk sends slin16. */
    @Inject
    @ConfigProperty(name = "parley.audiosocket.sample-rate", defaultValue = "8000")
    int sampleRate;

    /** Silence after speech that ends an utterance. */
    @Inject
    @ConfigProperty(name = "parley.speech.trailing-silence-ms", defaultValue = "800")
    int trailingSilenceMillis;

    @Inject
    @ConfigProperty(name = "parley.speech.max-utterance-ms", defaultValue = "15000")
    int maxUtteranceMillis;

    /** How long the caller has to start speaking (shared with the keypad timeout). */
    @Inject
    @ConfigProperty(name = "parley.dialog.input-timeout-ms", defaultValue = "5000")
    int noInputMillis;

    /** Level (RMS of 16-bit samples) below which audio is silence. */
    @Inject
    @ConfigProperty(name = "parley.speech.min-speech-rms", defaultValue = "500")
    double minSpeechRms;

    /** RECORD FILE transport: the directory Parley reads recordings from (default: data dir parley/recordings). */
    @Inject
    @ConfigProperty(name = "parley.speech.record.dir")
    Optional<String> recordDir;

    /** RECORD FILE transport: the same directory as Asterisk sees it (default: parley.speech.record.dir). */
    @Inject
    @ConfigProperty(name = "parley.speech.record.asterisk-dir")
    Optional<String> asteriskRecordDir;

    /** RECORD FILE transport: wav (8 kHz) or wav16 (16 kHz, for wideband calls). */
    @Inject
    @ConfigProperty(name = "parley.speech.record.format", defaultValue = "wav")
    String recordFormat;

    /** Prompts Parley plays itself over AudioSocket (WAV at the AudioSocket rate) so the caller's speech can interrupt them. */
    @Inject
    @ConfigProperty(name = "parley.speech.prompt-audio-dir")
    Optional<String> promptAudioDir;

    private AudioSocketServer audioSocket;
    private SpeechTransport transport;

    /**
     * The longest one ask can take as one AGI command (EXEC AudioSocket, RECORD FILE, GET DATA): the
     * prompt, the caller's time to answer and the longest utterance. A shorter AGI read timeout cuts calls.
     */
    public int longestAskSeconds() {
        return (noInputMillis + maxUtteranceMillis) / 1000 + 15;
    }

    /** The transport chosen and started by {@link #addTo}. */
    public SpeechTransport transport() {
        if (transport == null) {
            throw new IllegalStateException("the speech transport is not set up yet: SpeechWiring comes before the dialog's routes");
        }
        return transport;
    }

    @Override
    public void addTo(CamelContext camel) throws IOException {
        if (!speech.enabled()) {
            health.state().up("speech off (parley.speech.transport=none): keys only");
            transport = SpeechTransport.none();
            return;
        }
        Endpointer.Settings endpointing = new Endpointer.Settings(sampleRate, trailingSilenceMillis, maxUtteranceMillis, noInputMillis,
                minSpeechRms, 60, 200);
        Path records = Path.of(recordDir.orElseGet(() -> System.getProperty("jboss.server.data.dir", ".") + "/parley/recordings"));
        SpeechTransport.Kind kind;
        switch (speech.transport()) {
            case "audiosocket" -> {
                kind = SpeechTransport.Kind.AUDIOSOCKET;
                audioSocket = new AudioSocketServer(new AudioSocketServer.Settings(bindAddress, port, endpointing, peers.allowed(),
                        maxConnections), threadFactory, speech::start);
                audioSocket.start();
                health.state().up("listening on " + bindAddress + ":" + audioSocket.port() + " (" + sampleRate + " Hz)");
            }
            case "record" -> {
                kind = SpeechTransport.Kind.RECORD;
                Files.createDirectories(records);
                health.state().up("not used: RECORD FILE into " + records);
            }
            default -> throw new IllegalStateException("parley.speech.transport is '" + speech.transport()
                    + "'; it must be audiosocket, record or none");
        }
        transport = new SpeechTransport(new SpeechTransport.Settings(kind, advertisedHost.filter(h -> !h.isBlank()).orElse(null),
                audioSocket == null ? 0 : audioSocket.port(), endpointing, records, asteriskRecordDir.orElse(records.toString()),
                recordFormat), audioSocket, new PromptAudio(promptAudioDir.filter(d -> !d.isBlank()).map(Path::of).orElse(null),
                sampleRate));
    }

    @Override
    public void stopped() {
        if (audioSocket != null) {
            try {
                audioSocket.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the AudioSocket server: {0}", e.toString());
            }
            audioSocket = null;
            health.state().down("stopped");
        }
    }
}
