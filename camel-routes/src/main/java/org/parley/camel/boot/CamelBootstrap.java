package org.parley.camel.boot;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.camel.ami.AmiComponent;
import org.parley.camel.ami.AmiConsumer;
import org.parley.camel.ami.AmiRoutes;
import org.parley.camel.callback.CallbackRoutes;
import org.parley.camel.crm.CrmImportRoutes;
import org.parley.camel.crm.CrmInboundRoutes;
import org.parley.camel.crm.CrmLookupRoutes;
import org.parley.camel.dialog.DialogRoutes;
import org.parley.camel.events.EventDeliveryRoutes;
import org.parley.camel.dialog.FastAgiSettings;
import org.parley.camel.fastagi.FastAgiComponent;
import org.parley.ivr.callback.Callbacks;
import org.parley.ivr.crm.CrmGateway;
import org.parley.ivr.crm.CrmImport;
import org.parley.ivr.crm.CrmInbound;
import org.parley.ivr.crm.CrmStore;
import org.parley.ivr.dialog.DialogService;
import org.parley.ivr.events.EventDelivery;
import org.parley.ivr.events.EventOutbox;
import org.parley.ivr.live.LiveChannels;
import org.parley.ivr.live.QueueBoard;
import org.parley.ivr.health.ComponentStatus;
import org.parley.ivr.health.HealthService;

/**
 * The one owner of Parley's {@link CamelContext} (Camel 4 has no CDI integration): builds it when
 * the application starts, with container-managed threads for FastAGI, and stops it on undeploy.
 */
@Singleton
@Startup
public class CamelBootstrap {

    private static final System.Logger LOG = System.getLogger(CamelBootstrap.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    DialogService dialog;

    @Inject
    HealthService health;

    @Inject
    @ConfigProperty(name = "parley.agi.port", defaultValue = "4573")
    int agiPort;

    @Inject
    @ConfigProperty(name = "parley.agi.bind-address", defaultValue = "127.0.0.1")
    String agiBindAddress;

    @Inject
    @ConfigProperty(name = "parley.agi.script", defaultValue = "ivr")
    String agiScript;

    @Inject
    @ConfigProperty(name = "parley.agi.idle-threads", defaultValue = "16")
    int agiIdleThreads;

    @Inject
    @ConfigProperty(name = "parley.agi.max-sessions", defaultValue = "5000")
    int agiMaxSessions;

    @Inject
    @ConfigProperty(name = "parley.agi.read-timeout-seconds", defaultValue = "60")
    int agiReadTimeoutSeconds;

    /** The Asterisk servers: the only hosts whose FastAGI and AudioSocket connections are served. */
    @Inject
    @ConfigProperty(name = "parley.asterisk.allowed-hosts", defaultValue = "127.0.0.1,::1")
    String asteriskHosts;

    @Inject
    @ConfigProperty(name = "parley.audiosocket.max-connections", defaultValue = "512")
    int audioSocketMaxConnections;

    /** Where a CRM drops customer CSV files (default: the server's data dir, parley/crm-import). */
    @Inject
    @ConfigProperty(name = "parley.crm.import-dir")
    java.util.Optional<String> crmImportDir;

    @Inject
    CrmImport crmImport;

    @Inject
    QueueBoard queueBoard;

    @Inject
    EventOutbox eventOutbox;

    @Inject
    EventDelivery eventDelivery;

    @Inject
    CrmGateway crmGateway;

    @Inject
    CrmStore crmStore;

    @Inject
    CrmInbound crmInbound;

    /** The deployment's CRM, asked about callers not cached: a URL with {number}, e.g. https://crm/api/customers?phone={number}. */
    @Inject
    @ConfigProperty(name = "parley.crm.lookup-url")
    java.util.Optional<String> crmLookupUrl;

    @Inject
    @ConfigProperty(name = "parley.crm.lookup.timeout-ms", defaultValue = "800")
    long crmLookupTimeoutMillis;

    @Inject
    @ConfigProperty(name = "parley.crm.lookup.fields", defaultValue = "customerId=id,phone=phone,name=name,tier=tier,language=language,openCases=openCases")
    String crmLookupFields;

    @Inject
    @ConfigProperty(name = "parley.crm.lookup.open-seconds", defaultValue = "30")
    long crmLookupOpenSeconds;

    /** How often the event outbox is polled for due deliveries. */
    @Inject
    @ConfigProperty(name = "parley.events.poll-ms", defaultValue = "500")
    long eventPollMillis;

    /** Asterisk's manager interface; without a host Parley runs without live queue statistics. */
    @Inject
    @ConfigProperty(name = "parley.ami.host")
    java.util.Optional<String> amiHost;

    @Inject
    @ConfigProperty(name = "parley.ami.port", defaultValue = "5038")
    int amiPort;

    @Inject
    @ConfigProperty(name = "parley.ami.username", defaultValue = "parley")
    String amiUsername;

    @Inject
    @ConfigProperty(name = "parley.ami.password")
    java.util.Optional<String> amiPassword;

    /** Longest wait between AMI login attempts. */
    @Inject
    @ConfigProperty(name = "parley.ami.max-backoff-ms", defaultValue = "30000")
    long amiMaxBackoffMillis;

    @Inject
    LiveChannels liveChannels;

    private CamelContext camel;

    @Inject
    org.parley.ivr.speech.SpeechService speech;

    @Inject
    @ConfigProperty(name = "parley.audiosocket.bind-address", defaultValue = "127.0.0.1")
    String audioSocketBindAddress;

    @Inject
    @ConfigProperty(name = "parley.audiosocket.port", defaultValue = "9092")
    int audioSocketPort;

    /** The address Asterisk connects its AudioSocket to (default: the address it reached FastAGI on). */
    @Inject
    @ConfigProperty(name = "parley.audiosocket.advertised-host")
    java.util.Optional<String> audioSocketAdvertisedHost;

    /** 8000 for AudioSocket's signed linear 8 kHz; 16000 where Asterisk sends slin16. */
    @Inject
    @ConfigProperty(name = "parley.audiosocket.sample-rate", defaultValue = "8000")
    int audioSocketSampleRate;

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
    java.util.Optional<String> recordDir;

    /** RECORD FILE transport: the same directory as Asterisk sees it (default: parley.speech.record.dir). */
    @Inject
    @ConfigProperty(name = "parley.speech.record.asterisk-dir")
    java.util.Optional<String> asteriskRecordDir;

    /** RECORD FILE transport: wav (8 kHz) or wav16 (16 kHz, for wideband calls). */
    @Inject
    @ConfigProperty(name = "parley.speech.record.format", defaultValue = "wav")
    String recordFormat;

    /** Prompts Parley plays itself over AudioSocket (WAV at the AudioSocket rate) so the caller's speech can interrupt them. */
    @Inject
    @ConfigProperty(name = "parley.speech.prompt-audio-dir")
    java.util.Optional<String> promptAudioDir;

    private org.parley.camel.audiosocket.AudioSocketServer audioSocket;

    private org.parley.camel.net.AllowedPeers allowedPeers;

    private org.parley.camel.net.AllowedPeers allowedPeers() {
        if (allowedPeers == null) {
            allowedPeers = org.parley.camel.net.AllowedPeers.parse(asteriskHosts);
        }
        return allowedPeers;
    }

    @PostConstruct
    void start() {
        // An ask (EXEC AudioSocket, RECORD FILE, GET DATA) is one AGI command: the reply waits for the prompt, the
        // caller's time to answer and the longest utterance. A shorter read timeout would cut live calls.
        int longestAskSeconds = (noInputMillis + maxUtteranceMillis) / 1000 + 15;
        if (agiReadTimeoutSeconds < longestAskSeconds) {
            LOG.log(Level.WARNING, "parley.agi.read-timeout-seconds={0} is shorter than the longest ask (about {1} s: a prompt, the input"
                    + " timeout and the longest utterance); raise it or calls will be cut", agiReadTimeoutSeconds, longestAskSeconds);
        }
        // Rules and language model first: the first caller must not wait for them.
        dialog.prepare();
        FastAgiSettings agi = new FastAgiSettings(agiScript, agiBindAddress, agiPort, agiIdleThreads, agiMaxSessions, agiReadTimeoutSeconds);
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("parley");
        camel.setApplicationContextClassLoader(CamelBootstrap.class.getClassLoader());
        // Undeploy must not hang on a slow webhook or CRM: in-flight work gets 10 s, then stops.
        camel.getShutdownStrategy().setTimeout(10);
        FastAgiComponent fastagi = new FastAgiComponent();
        fastagi.setThreadFactory(threadFactory);
        fastagi.setAllowedPeers(allowedPeers());
        camel.addComponent("fastagi", fastagi);
        try {
            camel.addRoutes(new DialogRoutes(dialog, agi, speechTransport()));
            java.nio.file.Path importDir = java.nio.file.Path.of(crmImportDir.orElseGet(
                    () -> System.getProperty("jboss.server.data.dir", ".") + "/parley/crm-import"));
            java.nio.file.Files.createDirectories(importDir);
            camel.addRoutes(new CrmImportRoutes(crmImport, importDir));
            camel.addRoutes(new CrmInboundRoutes(crmStore));
            addAmi();
            addCrmLookup();
            if (!eventOutbox.targets().isEmpty()) {
                camel.addRoutes(new EventDeliveryRoutes(eventDelivery, eventPollMillis));
                LOG.log(Level.INFO, "Call events go to {0}", eventOutbox.targets());
            }
            LOG.log(Level.INFO, "CRM bulk import: drop customer CSV files into {0}", importDir);
            camel.start();
        } catch (Exception e) {
            health.report("fastagi", new ComponentStatus(false, e.getMessage()));
            throw new IllegalStateException("Parley's Camel routes did not start: " + e.getMessage(), e);
        }
        org.apache.camel.ProducerTemplate inbound = camel.createProducerTemplate();
        crmInbound.install(command -> {
            try {
                return inbound.requestBody(CrmInboundRoutes.ENDPOINT, command);
            } catch (org.apache.camel.CamelExecutionException e) {
                // Hand the store's own error (e.g. the field errors of a bad payload) back to the REST layer.
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        });
        String where = agiBindAddress + ":" + agiPort;
        health.report("fastagi", new ComponentStatus(true, "listening on " + where + " for agi://<host>:" + agiPort + "/" + agiScript));
        LOG.log(Level.INFO, "Parley is ready: FastAGI on {0} (dialplan: AGI(agi://<parley-host>:{1,number,#}/{2})), API under /api",
                where, agiPort, agiScript);
    }

    private void addCrmLookup() throws Exception {
        if (crmLookupUrl.isEmpty() || crmLookupUrl.get().isBlank()) {
            health.report("crm", ComponentStatus.optional(true, "local customer store only (set parley.crm.lookup-url to ask the CRM)"));
            return;
        }
        camel.addRoutes(new CrmLookupRoutes(new CrmLookupRoutes.Settings(crmLookupUrl.get(), crmLookupTimeoutMillis,
                CrmLookupRoutes.fields(crmLookupFields), 4, crmLookupOpenSeconds)));
        org.apache.camel.ProducerTemplate producer = camel.createProducerTemplate();
        crmGateway.install(number -> producer.requestBody(CrmLookupRoutes.ENDPOINT, number, CrmGateway.Result.class));
        health.report("crm", ComponentStatus.optional(true, "asks " + crmLookupUrl.get() + " (timeout " + crmLookupTimeoutMillis + " ms)"));
    }

    @Inject
    Callbacks callbacks;

    /** The channel a callback is placed on; {number} is the caller's number. */
    @Inject
    @ConfigProperty(name = "parley.callback.channel", defaultValue = "Local/{number}@parley-outbound")
    String callbackChannel;

    @Inject
    @ConfigProperty(name = "parley.callback.context", defaultValue = "parley-callback")
    String callbackContext;

    private void addAmi() throws Exception {
        if (amiHost.isEmpty() || amiHost.get().isBlank()) {
            health.report("ami", ComponentStatus.optional(true, "not configured (set parley.ami.host, parley.ami.password): no live queue statistics"));
            return;
        }
        if (amiPassword.isEmpty()) {
            health.report("ami", ComponentStatus.optional(false, "parley.ami.host is set but parley.ami.password is not"));
            return;
        }
        AmiComponent ami = new AmiComponent();
        ami.setThreadFactory(threadFactory);
        ami.setLinkListener(status -> health.report("ami", ComponentStatus.optional(status.startsWith("connected"),
                status + "; " + liveChannels.events() + " events so far")));
        camel.addComponent("ami", ami);
        health.report("ami", ComponentStatus.optional(false, "connecting to " + amiHost.get() + ":" + amiPort));
        camel.addRoutes(new CallbackRoutes(callbacks, () -> {
            var route = camel.getRoute(AmiRoutes.ROUTE_ID);
            return route != null && route.getConsumer() instanceof AmiConsumer consumer ? consumer.connection() : null;
        }, callbackChannel, callbackContext));
        camel.addRoutes(new AmiRoutes("ami:asterisk?host=" + amiHost.get() + "&port=" + amiPort + "&username=" + amiUsername
                + "&password=RAW(" + amiPassword.get() + ")&maxBackoffMillis=" + amiMaxBackoffMillis, queueBoard, liveChannels));
    }

    /** The transport the dialog listens through, started here (the AudioSocket server) when configured. */
    private org.parley.camel.dialog.SpeechTransport speechTransport() throws java.io.IOException {
        if (!speech.enabled()) {
            health.report("audiosocket", ComponentStatus.optional(true, "speech off (parley.speech.transport=none): keys only"));
            return org.parley.camel.dialog.SpeechTransport.none();
        }
        org.parley.nlp.audio.Endpointer.Settings endpointing = new org.parley.nlp.audio.Endpointer.Settings(audioSocketSampleRate,
                trailingSilenceMillis, maxUtteranceMillis, noInputMillis, minSpeechRms, 60, 200);
        java.nio.file.Path records = java.nio.file.Path.of(recordDir.orElseGet(
                () -> System.getProperty("jboss.server.data.dir", ".") + "/parley/recordings"));
        org.parley.camel.dialog.SpeechTransport.Kind kind;
        switch (speech.transport()) {
            case "audiosocket" -> {
                kind = org.parley.camel.dialog.SpeechTransport.Kind.AUDIOSOCKET;
                audioSocket = new org.parley.camel.audiosocket.AudioSocketServer(new org.parley.camel.audiosocket.AudioSocketServer.Settings(
                        audioSocketBindAddress, audioSocketPort, endpointing, allowedPeers(), audioSocketMaxConnections), threadFactory,
                        speech::start);
                audioSocket.start();
                health.report("audiosocket", ComponentStatus.optional(true, "listening on " + audioSocketBindAddress + ":" + audioSocket.port()
                        + " (" + audioSocketSampleRate + " Hz)"));
            }
            case "record" -> {
                kind = org.parley.camel.dialog.SpeechTransport.Kind.RECORD;
                java.nio.file.Files.createDirectories(records);
                health.report("audiosocket", ComponentStatus.optional(true, "not used: RECORD FILE into " + records));
            }
            default -> throw new IllegalStateException("parley.speech.transport is '" + speech.transport()
                    + "'; it must be audiosocket, record or none");
        }
        return new org.parley.camel.dialog.SpeechTransport(new org.parley.camel.dialog.SpeechTransport.Settings(kind,
                audioSocketAdvertisedHost.filter(h -> !h.isBlank()).orElse(null), audioSocket == null ? 0 : audioSocket.port(), endpointing,
                records, asteriskRecordDir.orElse(records.toString()), recordFormat), audioSocket,
                new org.parley.camel.dialog.PromptAudio(promptAudioDir.filter(d -> !d.isBlank()).map(java.nio.file.Path::of).orElse(null),
                        audioSocketSampleRate));
    }

    @PreDestroy
    void stop() {
        if (camel != null) {
            camel.stop();
            health.report("fastagi", new ComponentStatus(false, "stopped"));
        }
        if (audioSocket != null) {
            try {
                audioSocket.close();
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "closing the AudioSocket server: {0}", e.toString());
            }
        }
    }
}
