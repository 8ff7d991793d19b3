package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.recordedCall;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.AudioSocketCaller;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;

/**
 * Callers who speak: the simulator runs Asterisk's side of {@code EXEC AudioSocket} against the
 * deployed Parley, streaming recorded utterances (flite voices, G.711-like 8 kHz) over a real socket;
 * Parley endpoints them, recognises them with Sphinx4 and routes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SpeechIT {

    private static final Path AUDIO = Path.of(System.getProperty("it.audio.dir"), "narrowband");

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static byte[] utterance(String id) throws Exception {
        return AudioSocketCaller.readWav8k(AUDIO.resolve(id + ".wav"));
    }

    private static JsonObject turn(JsonObject call, int n) {
        return call.getJsonArray("turns").get(n).asJsonObject();
    }

    @Test
    void aSpokenLostCardOverAudioSocketGoesToTheFraudQueue() throws Exception {
        // u01: rms saying "i lost my credit card", streamed in real time, 20 ms a frame
        CallResult result = call(CallScript.from("5557001").uniqueId("1800000700.1").speak(utterance("u01"), true));

        assertThat(result.route()).isEqualTo("fraud");
        assertThat(result.transcript()).anySatisfy(line -> assertThat(line).startsWith("> EXEC").contains("AudioSocket"));
        JsonObject turn = turn(recordedCall("1800000700.1"), 0);
        assertThat(turn.getString("inputMode")).isEqualTo("SPEECH");
        assertThat(turn.getString("text")).contains("lost").contains("card");
        assertThat(turn.getString("intent")).isEqualTo("lost_stolen_card");
        assertThat(turn.getJsonNumber("asrConfidence").doubleValue()).isBetween(0.0, 1.0);
        assertThat(turn.getJsonNumber("audioMillis").longValue()).as("the endpointed utterance, not the whole stream")
                .isBetween(1000L, 4000L);
    }

    @Test
    void aSilentCallerIsRepromptedThenOfferedTheKeypadThenPutThrough() throws Exception {
        CallResult result = call(CallScript.from("5557002").uniqueId("1800000700.2").staySilent().staySilent().staySilent());

        assertThat(result.played()).containsExactly("parley/greeting", "parley/how-can-i-help", "parley/reprompt-silence",
                "parley/offer-keypad-menu");
        assertThat(result.queue()).isEqualTo("customer-service");
        JsonObject call = recordedCall("1800000700.2");
        assertThat(call.getJsonArray("turns")).hasSize(3).allSatisfy(t -> assertThat(t.asJsonObject().getString("inputMode")).isEqualTo("NONE"));
        assertThat(turn(call, 2).getJsonObject("decision").getJsonArray("firedRules").getValuesAs(JsonString::getString))
                .contains("Silence a third time: put the caller through to a person");
    }

    @Test
    void aKeyPressedDuringThePromptStopsItAndIsKept() throws Exception {
        CallResult result = call(CallScript.from("5557003").uniqueId("1800000700.3").press("4"));

        assertThat(result.transcript()).noneSatisfy(line -> assertThat(line).contains("AudioSocket"));
        JsonObject turn = turn(recordedCall("1800000700.3"), 0);
        assertThat(turn.getString("inputMode")).isEqualTo("KEYS");
        assertThat(turn.getString("intent", "")).isIn("", "technical_support");
        assertThat(turn.getJsonObject("decision").getJsonArray("firedRules").getValuesAs(JsonString::getString))
                .contains("Key 4 asks for technical support");
    }

    @Test
    void aKeyPressedWhileSpeakingEndsListeningAndWins() throws Exception {
        CallResult result = call(CallScript.from("5557004").uniqueId("1800000700.4").speakThenPress(utterance("u10"), true, '0', 600));

        assertThat(result.route()).isEqualTo("customer-service");
        JsonObject turn = turn(recordedCall("1800000700.4"), 0);
        assertThat(turn.getString("inputMode")).isEqualTo("KEYS");
        assertThat(turn.getString("digits")).isEqualTo("0");
        assertThat(turn.getJsonObject("decision").getJsonArray("firedRules").getValuesAs(JsonString::getString))
                .contains("Key 0 asks for a person");
    }

    @Test
    void aCallerWhoHangsUpMidUtteranceLeavesAnAbandonedRecord() throws Exception {
        CallResult result = call(CallScript.from("5557005").uniqueId("1800000700.5").speakThenHangUp(utterance("u02"), true, 900));

        assertThat(result.ending()).isEqualTo(CallResult.Ending.CALLER_HUNG_UP);
        JsonObject call = recordedCall("1800000700.5");
        assertThat(call.getString("status")).isEqualTo("ABANDONED");
        assertThat(call.containsKey("route")).isFalse();
        assertThat(call.getJsonArray("turns")).as("no half-heard turn is recorded").isEmpty();
    }

    @Test
    void speechIsReportedInHealth() throws Exception {
        // the recogniser loads in the background at start-up
        JsonObject components = await().atMost(Duration.ofSeconds(60)).until(
                () -> ParleyServer.get("/api/health").body().asJsonObject().getJsonObject("components"), c -> c.getJsonObject("speech").getBoolean("up"));
        assertThat(components.getJsonObject("audiosocket").getString("detail")).contains(System.getProperty("it.audiosocket.port"));
        assertThat(components.getJsonObject("speech").getBoolean("up")).isTrue();
        assertThat(components.getJsonObject("speech").getString("detail")).contains("audiosocket").contains("words from");
    }
}
