package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.get;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.nlp.audio.Wav;

/**
 * A real SIP phone calls the IVR: Debian's baresip registers to an Asterisk 22 with PJSIP (the
 * shipped pjsip.conf's softphone), dials, speaks over RTP (G.711) and presses a key (RFC 4733);
 * Parley hears the words over AudioSocket and the key, and routes both calls like any other.
 * Skipped, loudly, when the PJSIP build or baresip cannot be had.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipPhoneIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path AUDIO = Path.of(System.getProperty("it.audio.dir"), "narrowband").toAbsolutePath();

    private static RealAsterisk asterisk;
    private static String unavailable;

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @BeforeAll
    static void startAsterisk() throws Exception {
        String missing = SipPhone.install();
        if (missing == null) {
            asterisk = RealAsterisk.start(true);
            missing = asterisk == null ? RealAsterisk.unavailable : null;
        }
        unavailable = missing;
    }

    @BeforeEach
    void requirePhoneAndAsterisk() {
        RealAsterisk.skipLoudlyUnless(unavailable == null, "SipPhoneIT (a baresip phone calling over SIP)", unavailable);
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        if (asterisk != null) {
            asterisk.close();
        }
    }

    /** The phone's microphone: silence while Parley greets and asks (about 7.3 s), then the utterance, then silence. */
    private static Path microphone(Path dir, String utterance) throws Exception {
        Wav words = Wav.read(AUDIO.resolve(utterance + ".wav"));
        byte[] pcm = new byte[16 * 9_000 + words.pcm().length + 16 * 30_000];
        System.arraycopy(words.pcm(), 0, pcm, 16 * 9_000, words.pcm().length);
        Files.createDirectories(dir);
        Path wav = dir.resolve("microphone.wav");
        Files.write(wav, new Wav(pcm, 8000).toBytes());
        return wav;
    }

    /** The newest call from the softphone that was not among {@code seen}, once it is over. */
    private static JsonObject nextCall(Set<Long> seen) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonValue v : get("/api/calls?limit=100").body().asJsonArray()) {
                JsonObject c = v.asJsonObject();
                long id = c.getJsonNumber("id").longValue();
                if (!seen.contains(id) && "5550199".equals(c.getString("callerNumber", "")) && !"IN_PROGRESS".equals(c.getString("status"))) {
                    seen.add(id);
                    return Optional.of(get("/api/calls/" + id).body().asJsonObject());
                }
            }
            return Optional.<JsonObject>empty();
        }, Optional::isPresent).orElseThrow();
    }

    private static boolean listening() throws Exception {
        return asterisk.cli("core show channels concise").lines().anyMatch(l -> l.startsWith("PJSIP/softphone") && l.contains("!AudioSocket!"));
    }

    @Test
    void aSipPhoneIsHeardAndRoutedAndItsKeysArePressed() throws Exception {
        Path dir = Path.of(System.getProperty("it.asterisk.home")).resolveSibling("baresip");
        Set<Long> seen = new HashSet<>();

        // speech over RTP: rms saying "tell me my current balance please"
        try (SipPhone phone = SipPhone.start(dir, "softphone", RealAsterisk.SECRET, microphone(dir, "u11"))) {
            await().atMost(WAIT).until(() -> asterisk.cli("pjsip show contacts").contains("softphone/sip:"));
            phone.command("/dial sip:100@127.0.0.1:" + RealAsterisk.SIP_PORT);
            JsonObject spoken = nextCall(seen);
            JsonObject turn = spoken.getJsonArray("turns").getJsonObject(0);
            assertThat(turn.getString("inputMode")).isEqualTo("SPEECH");
            assertThat(spoken.getString("queue")).as("heard over SIP: " + turn.getString("text", "")).isEqualTo("accounts");
            assertThat(spoken.getString("channel")).startsWith("PJSIP/softphone-");
            System.out.printf("SIP phone speech: \"%s\" (engine confidence %s, transcript %s ms after the end)%n", turn.getString("text"),
                    turn.get("asrConfidence"), turn.get("asrMillis"));
            phone.command("/hangup");
        }

        // a key: pressed on the phone while Parley listens (RFC 4733 -> a DTMF frame on the AudioSocket)
        Path keys = dir.resolveSibling("baresip-keys");
        Files.createDirectories(keys);
        Path silence = keys.resolve("silence.wav");
        Files.write(silence, new Wav(new byte[16 * 60_000], 8000).toBytes());
        try (SipPhone phone = SipPhone.start(keys, "softphone", RealAsterisk.SECRET, silence)) {
            await().atMost(WAIT).until(() -> asterisk.cli("pjsip show contacts").contains("softphone/sip:"));
            phone.command("/dial sip:100@127.0.0.1:" + RealAsterisk.SIP_PORT);
            await().atMost(WAIT).until(SipPhoneIT::listening);
            phone.command("/sndcode 1");
            JsonObject keyed = nextCall(seen);
            assertThat(keyed.getJsonArray("turns").getJsonObject(0).getString("inputMode")).isEqualTo("KEYS");
            // key 1: a lost card, which goes to fraud before anything else (even for a caller who called a minute ago)
            assertThat(keyed.getString("queue")).as("key 1: a lost or stolen card").isEqualTo("fraud");
            assertThat(keyed.getJsonArray("turns").getJsonObject(0).getString("digits")).isEqualTo("1");
            phone.command("/hangup");
        }

        asterisk.cli("channel request hangup all");
        assertThat(asterisk.log().lines().filter(l -> l.contains("WARNING[") || l.contains("ERROR[")))
                .as("warnings and errors in Asterisk's messages.log").isEmpty();
    }
}
