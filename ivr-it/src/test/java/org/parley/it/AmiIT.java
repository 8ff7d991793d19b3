package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.serverLog;
import static org.parley.it.ParleyServer.recordedCall;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.AmiServer;
import org.parley.tools.sim.CallScript;

/**
 * Parley's AMI link against the simulator's manager interface (banner, MD5 challenge login, event
 * stream): queue events become QueueStatus facts that the rules act on; the link is cut and
 * restored and the facts resume.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AmiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static boolean amiUp() throws Exception {
        return get("/api/health").body().asJsonObject().getJsonObject("components").getJsonObject("ami").getBoolean("up");
    }

    private static void longWaitOnCards(AmiServer ami) {
        ami.emit("QueueMemberStatus", Map.of("Queue", "cards", "Interface", "PJSIP/agent1", "MemberName", "agent1", "Status", "2", "Paused", "0"));
        ami.emit("QueueMemberStatus", Map.of("Queue", "cards", "Interface", "PJSIP/agent2", "MemberName", "agent2", "Status", "2", "Paused", "0"));
        ami.emit("AgentConnect", Map.of("Queue", "cards", "Interface", "PJSIP/agent1", "MemberName", "agent1", "HoldTime", "400",
                "RingTime", "3", "Channel", "PJSIP/5550000-1", "Uniqueid", "1700000000.1"));
        for (int count = 1; count <= 3; count++) {
            ami.emit("QueueCallerJoin", Map.of("Queue", "cards", "Position", String.valueOf(count), "Count", String.valueOf(count),
                    "Channel", "PJSIP/caller-" + count, "Uniqueid", "1700000001." + count));
        }
    }

    /** The call unique ids of the callbacks recorded for calls whose unique id starts with {@code prefix}. */
    private static java.util.List<String> callbacksFor(String prefix) throws Exception {
        return get("/api/callbacks").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("callUniqueId")).filter(id -> id.startsWith(prefix)).toList();
    }

    private static JsonObject decision(String uniqueId) throws Exception {
        return recordedCall(uniqueId).getJsonArray("turns").getJsonObject(0).getJsonObject("decision");
    }

    @Test
    void queueEventsBecomeFactsAndResumeAfterTheLinkIsCut() throws Exception {
        try (AmiServer ami = new AmiServer(Integer.getInteger("it.ami.port"), "parley", "it-secret")) {
            await().atMost(WAIT).until(AmiIT::amiUp);
            assertThat(ami.logins()).isEqualTo(1);

            longWaitOnCards(ami);
            await().atMost(WAIT).untilAsserted(() -> {
                var result = call(CallScript.from("5558001").say("I need to activate my new card"));
                assertThat(result.route()).isEqualTo("callback");
            });
            var waited = call(CallScript.from("5558002").uniqueId("1800000400.1").say("I need to activate my new card"));
            assertThat(waited.route()).isEqualTo("callback");
            assertThat(waited.queue()).isEqualTo("cards");
            assertThat(decision("1800000400.1").getJsonArray("facts").getValuesAs(JsonString::getString))
                    .contains("QueueStatus{queue=cards, waiting=3, expectedWaitSeconds=800, agentsAvailable=0}");
            assertThat(decision("1800000400.1").getJsonArray("firedRules").getValuesAs(JsonString::getString))
                    .contains("A long wait offers a callback instead");

            // the callback is placed back through Asterisk: AMI Originate into the callback context
            await().atMost(WAIT).until(() -> ami.originated().stream().anyMatch(o -> "Local/5558002@parley-outbound".equals(o.get("channel"))));
            assertThat(ami.originated()).filteredOn(o -> "Local/5558002@parley-outbound".equals(o.get("channel"))).first()
                    .satisfies(o -> assertThat(o).containsEntry("context", "parley-callback").containsEntry("exten", "s"));
            await().atMost(WAIT).until(() -> get("/api/callbacks").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                    .anyMatch(c -> c.getString("callUniqueId").equals("1800000400.1") && c.getString("status").equals("PLACED")));

            // the caller ID can be spoofed: a premium-rate number is never called back, nor one number more than 3 times a day
            assertThat(call(CallScript.from("+19005551234").uniqueId("1800000400.9").say("I need to activate my new card")).route())
                    .isEqualTo("callback");
            for (int i = 1; i <= 4; i++) {
                assertThat(call(CallScript.from("5558003").uniqueId("1800000401." + i).say("I need to activate my new card")).route())
                        .isEqualTo("callback");
            }
            await().atMost(WAIT).until(() -> callbacksFor("1800000401.").size() == 3);
            assertThat(callbacksFor("1800000401.")).doesNotContain("1800000401.4");
            assertThat(callbacksFor("1800000400.9")).isEmpty();
            assertThat(serverLog()).contains("call 1800000400.9: no callback to +19005551234: the number matches parley.callback.refused-numbers",
                    "call 1800000401.4: no callback to 5558003: 3 callbacks to this number in the last 24 hours");

            // live channels follow the call through Newchannel, Newstate, DialEnd, BridgeEnter and Hangup
            ami.emit("Newchannel", Map.of("Channel", "PJSIP/trunk-00000001", "ChannelState", "4", "ChannelStateDesc", "Ring",
                    "CallerIDNum", "5551234", "Uniqueid", "1700000100.1", "Linkedid", "1700000100.1"));
            ami.emit("Newstate", Map.of("Channel", "PJSIP/trunk-00000001", "ChannelState", "6", "ChannelStateDesc", "Up",
                    "Uniqueid", "1700000100.1"));
            ami.emit("DialEnd", Map.of("Channel", "PJSIP/trunk-00000001", "Uniqueid", "1700000100.1", "DestChannel", "PJSIP/agent1-00000002",
                    "DestUniqueid", "1700000100.2", "DialStatus", "ANSWER"));
            ami.emit("BridgeEnter", Map.of("BridgeUniqueid", "b-1", "Channel", "PJSIP/trunk-00000001", "Uniqueid", "1700000100.1"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/live").body().asJsonObject().getJsonArray("channels")
                    .getValuesAs(JsonObject.class)).anySatisfy(c -> {
                        assertThat(c.getString("uniqueId")).isEqualTo("1700000100.1");
                        assertThat(c.getString("state")).isEqualTo("Up");
                        assertThat(c.getString("dialStatus")).isEqualTo("ANSWER");
                        assertThat(c.getBoolean("bridged")).isTrue();
                    }));
            ami.emit("Hangup", Map.of("Channel", "PJSIP/trunk-00000001", "Uniqueid", "1700000100.1", "Cause", "16"));
            await().atMost(WAIT).until(() -> get("/api/live").body().asJsonObject().getJsonArray("channels").isEmpty());

            // how fast events are taken in (a figure for the closing note, not a pass/fail threshold)
            long before = get("/api/live").body().asJsonObject().getJsonNumber("amiEvents").longValue();
            long start = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                ami.emit("QueueMemberStatus", Map.of("Queue", "tech", "Interface", "PJSIP/agent" + (i % 50), "Status", "1", "Paused", "0"));
            }
            await().atMost(WAIT).until(() -> get("/api/live").body().asJsonObject().getJsonNumber("amiEvents").longValue() >= before + 20_000);
            System.out.printf("AMI: 20000 events taken in at %.0f events/s%n", 20_000 / ((System.nanoTime() - start) / 1e9));

            // the link drops: the stale picture is dropped with it, and asterisk-java logs in again
            ami.dropConnections();
            await().atMost(WAIT).until(() -> ami.logins() >= 2 && ami.loggedIn() == 1);
            await().atMost(WAIT).until(AmiIT::amiUp);
            assertThat(call(CallScript.from("5558003").say("I need to activate my new card")).route()).isEqualTo("cards");

            // events after the reconnect count again
            longWaitOnCards(ami);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(call(CallScript.from("5558004").say("I need to activate my new card")).route()).isEqualTo("callback"));
        }
        // the simulator is gone: the link is down, and no queue facts linger for other tests
        await().atMost(WAIT).until(() -> !amiUp());
        assertThat(call(CallScript.from("5558005").say("I need to activate my new card")).route()).isEqualTo("cards");
    }
}
