package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.recordedCall;
import static org.parley.it.ParleyServer.sendRaw;
import static org.parley.it.ParleyServer.serverLog;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;

/**
 * Whole calls through the deployed parley.ear: the simulator speaks FastAGI to the server, Camel
 * hands the call to the dialog, OpenNLP and Drools decide, Hibernate records, the API shows it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static List<String> firedRules(JsonObject call, int turn) {
        return call.getJsonArray("turns").get(turn).asJsonObject().getJsonObject("decision")
                .getJsonArray("firedRules").getValuesAs(JsonString::getString);
    }

    @Test
    void healthIsUpWithEveryPart() throws Exception {
        // A node just deployed is not ready until its speech recogniser has loaded (a few seconds in the background).
        ParleyServer.Reply health = await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/health"), r -> r.status() == 200);

        JsonObject components = health.body().asJsonObject().getJsonObject("components");
        // UP, or DEGRADED while the AMI simulator of AmiIT is not running (the IVR takes calls without it)
        assertThat(health.body().asJsonObject().getString("status")).isIn("UP", "DEGRADED");
        assertThat(components.getJsonObject("ami").getBoolean("required")).isFalse();
        for (String required : new String[] {"fastagi", "database", "rules", "nlu"}) {
            assertThat(components.getJsonObject(required).getBoolean("up")).as(required).isTrue();
        }
        assertThat(components.keySet()).contains("fastagi", "database", "rules", "nlu");
        assertThat(components.getJsonObject("fastagi").getString("detail")).contains(":" + ParleyServer.AGI_PORT);
    }

    @Test
    void theProbesOnTheManagementPortReportEveryPartWithoutCredentials() throws Exception {
        ParleyServer.Reply ready = await().atMost(Duration.ofSeconds(60)).until(() -> ParleyServer.probe("/health/ready"),
                r -> r.status() == 200);
        ParleyServer.Reply live = ParleyServer.probe("/health/live");

        JsonObject parley = ready.body().asJsonObject().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("parley")).findFirst().orElseThrow();
        assertThat(parley.getString("status")).isEqualTo("UP");
        assertThat(parley.getJsonObject("data").keySet()).contains("fastagi", "database", "rules", "nlu", "speech", "ami", "crm");
        assertThat(parley.getJsonObject("data").getString("database")).startsWith("up: H2");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body().asJsonObject().getJsonArray("checks").stream().map(c -> c.asJsonObject().getString("name")))
                .contains("threads");
    }

    @Test
    void aPromptAsteriskCannotFindIsNotTakenForAHangUp() throws Exception {
        // Asterisk answers result=-1 both for a missing sound file and for a hang-up; the channel status tells them apart.
        long logBefore = java.nio.file.Files.size(ParleyServer.SERVER_LOG);
        CallResult result = call(CallScript.from("5551299").uniqueId("1800000000.99").withoutSound("parley/greeting")
                .withoutSound("parley/how-can-i-help").press("1"));

        assertThat(result.route()).as("the caller still reaches the fraud queue").isEqualTo("fraud");
        assertThat(recordedCall("1800000000.99").getString("status")).isEqualTo("ROUTED");
        String log = ParleyServer.serverLog().substring((int) logBefore);
        assertThat(log).contains("Asterisk could not play parley/greeting: no such sound file", "install-asterisk-conf.sh");
    }

    @Test
    void lostCardGoesToTheFraudQueueAndTheDecisionIsRecorded() throws Exception {
        CallResult result = call(CallScript.from("5551234").uniqueId("1800000000.1").say("I lost my card"));

        assertThat(result.ending()).isEqualTo(CallResult.Ending.RETURNED_TO_DIALPLAN);
        assertThat(result.route()).isEqualTo("fraud");
        assertThat(result.queue()).isEqualTo("fraud");
        assertThat(result.priority()).isEqualTo("1");
        assertThat(result.played()).containsExactly("parley/greeting", "parley/how-can-i-help");

        JsonObject recorded = recordedCall("1800000000.1");
        assertThat(recorded.getString("status")).isEqualTo("ROUTED");
        assertThat(recorded.getString("callerNumber")).isEqualTo("5551234");
        assertThat(recorded.getString("route")).isEqualTo("fraud");
        JsonObject turn = recorded.getJsonArray("turns").get(0).asJsonObject();
        assertThat(turn.getString("text")).isEqualTo("I lost my card");
        assertThat(turn.getString("intent")).isEqualTo("lost_stolen_card");
        assertThat(firedRules(recorded, 0)).contains("Fraud line around the clock").endsWith(
                "A spoken intent at 0.5 confidence or more counts as understood",
                "Serve lost_stolen_card",
                "A lost or stolen card goes to the fraud queue first");
        JsonObject decision = turn.getJsonObject("decision");
        assertThat(decision.getJsonArray("facts").getValuesAs(JsonString::getString))
                .anySatisfy(f -> assertThat(f).startsWith("Caller{number=5551234, withheld=false"))
                .contains("Schedule{date=2026-01-07, day=Wed, clock=10:00}");
        assertThat(decision.getString("situation")).contains("caller: '5551234'", "intent: lost_stolen_card", "2026-01-07T10:00");
    }

    @Test
    void aSpanishSpeakingCallerReachesTheSpanishDeskAndARepeatCallerTheSameQueue() throws Exception {
        CallResult spanish = call(CallScript.from("+34911234567").language("es").uniqueId("1800000007.1").say("how much money is in my account"));
        assertThat(spanish.queue()).isEqualTo("lang-es");
        assertThat(firedRules(recordedCall("1800000007.1"), 0))
                .contains("Spanish desk weekdays", "A caller who speaks another language goes to that language's desk while it is open");

        CallResult first = call(CallScript.from("5559090").uniqueId("1800000007.2").say("my internet is not working"));
        CallResult again = call(CallScript.from("5559090").uniqueId("1800000007.3").say("I want to pay my bill"));
        assertThat(first.queue()).isEqualTo("tech");
        assertThat(again.queue()).as("called again within 24 hours").isEqualTo("tech");
        assertThat(firedRules(recordedCall("1800000007.3"), 0)).contains("A caller who called in the last 24 hours goes back to the same queue");
    }

    @Test
    void differentCallersAndWordsGetDifferentRoutes() throws Exception {
        assertThat(call(CallScript.from("").uniqueId("1800000001.1").say("how much money is in my account")).route())
                .as("withheld number asking for an account balance").isEqualTo("verification");
        assertThat(call(CallScript.from("5557777").uniqueId("1800000001.2").say("how much money is in my account")).route())
                .as("presented number asking for an account balance").isEqualTo("accounts");
        assertThat(call(CallScript.from("5552222").uniqueId("1800000001.3").say("my internet is not working")).route())
                .isEqualTo("tech");
        assertThat(call(CallScript.from("5553333").uniqueId("1800000001.4").press("0")).route())
                .as("keypad 0 asks for a person").isEqualTo("customer-service");

        assertThat(firedRules(recordedCall("1800000001.1"), 0)).last()
                .isEqualTo("A withheld number asking about an account is verified first");
        assertThat(firedRules(recordedCall("1800000001.4"), 0)).contains("Key 0 asks for a person");
    }

    @Test
    void notUnderstoodTwiceIsClarifiedOnceThenSentToAPerson() throws Exception {
        CallResult result = call(CallScript.from("5554444").uniqueId("1800000002.1")
                .say("purple monkey dishwasher").say("banana trombone sunshine"));

        assertThat(result.route()).isEqualTo("customer-service");
        assertThat(result.played()).containsExactly("parley/greeting", "parley/how-can-i-help", "parley/clarify");
        JsonObject recorded = recordedCall("1800000002.1");
        assertThat(recorded.getJsonArray("turns")).hasSize(2);
        assertThat(firedRules(recorded, 0)).contains("Customer service weekdays")
                .endsWith("Not understood the first time: ask the caller to say it another way");
        assertThat(firedRules(recorded, 1)).endsWith("Not understood after asking again: hand over to a person");
    }

    @Test
    void aSilentCallerIsAskedAgainThenOfferedTheKeypadThenGetsAPerson() throws Exception {
        CallResult result = call(CallScript.from("5551999").uniqueId("1800000008.1").staySilent().staySilent().staySilent());

        assertThat(result.played()).containsExactly("parley/greeting", "parley/how-can-i-help", "parley/reprompt-silence",
                "parley/offer-keypad-menu");
        assertThat(result.queue()).isEqualTo("customer-service");
        assertThat(firedRules(recordedCall("1800000008.1"), 2)).contains("Silence a third time: put the caller through to a person");
    }

    @Test
    void goodbyeEndsTheCallFromTheIvr() throws Exception {
        CallResult result = call(CallScript.from("5555555").uniqueId("1800000003.1").say("no that's all thanks goodbye"));

        assertThat(result.ending()).isEqualTo(CallResult.Ending.HUNG_UP_BY_IVR);
        assertThat(result.played()).last().isEqualTo("parley/goodbye");
        assertThat(recordedCall("1800000003.1").getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void callerHangingUpMidTurnLeavesAnAbandonedRecord() throws Exception {
        CallResult result = call(CallScript.from("5556666").uniqueId("1800000004.1").say("umm the thing").hangUp());

        assertThat(result.ending()).isEqualTo(CallResult.Ending.CALLER_HUNG_UP);
        JsonObject recorded = recordedCall("1800000004.1");
        assertThat(recorded.getString("status")).isEqualTo("ABANDONED");
        assertThat(recorded.containsKey("route")).isFalse();
        assertThat(recorded.getJsonArray("turns")).as("the finished first turn is kept").hasSize(1);
    }

    @Test
    void malformedRequestsAreRefusedWithALogLineAndTheNextCallIsServed() throws Exception {
        assertThat(sendRaw("\u0016\u0003\u0001\u0000garbage bytes\r\n\n")).isEmpty();
        assertThat(sendRaw("agi_network: yes\nagi_network_script: ivr\n\n")).isEmpty();
        CallResult unknownScript = call(CallScript.from("5551234").uniqueId("1800000005.1").script("nosuchscript"));

        assertThat(unknownScript.variablesSet()).containsEntry("AJ_AGISTATUS", "NOT_FOUND");
        assertThat(unknownScript.route()).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(serverLog())
                .contains("sent no AGI environment")
                .contains("lacks agi_channel agi_uniqueid that Asterisk always sends")
                .contains("names script 'nosuchscript', but Parley serves 'ivr'"));

        assertThat(call(CallScript.from("5551234").uniqueId("1800000005.2").say("I lost my card")).route()).isEqualTo("fraud");
    }

    @Test
    void nluParseAnswersLikeTheCommandLine() throws Exception {
        ParleyServer.Reply reply = ParleyServer.post("/api/nlu/parse", "{\"text\":\"my card was stolen\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject body = reply.body().asJsonObject();
        assertThat(body.getString("intent")).isEqualTo("lost_stolen_card");
        assertThat(body.getJsonNumber("confidence").doubleValue()).isGreaterThan(0.5);
        assertThat(body.getJsonArray("top")).hasSize(3);
        assertThat(body.getBoolean("ambiguous")).isFalse();
        assertThat(body.getJsonObject("sentiment").getString("label")).isIn("negative", "neutral", "positive");
        assertThat(body.getJsonArray("entities")).isEmpty();
    }

    @Test
    void nluParseFindsSentimentAndEntities() throws Exception {
        JsonObject body = ParleyServer.post("/api/nlu/parse",
                "{\"text\":\"I'm absolutely furious, you charged my card ending 4321 two hundred dollars yesterday\"}").body().asJsonObject();

        assertThat(body.getJsonObject("sentiment").getString("label")).isEqualTo("negative");
        assertThat(body.getJsonObject("sentiment").getJsonNumber("score").doubleValue()).isLessThan(-0.5);
        assertThat(body.getJsonArray("entities").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("type") + "=" + e.getString("value"))
                .contains("CARD_LAST4=4321", "AMOUNT=200.00 USD");
    }

    @Test
    void upsetCallerWhoIsNotUnderstoodGoesToAPersonAtOnce() throws Exception {
        CallResult result = call(CallScript.from("5558888").uniqueId("1800000006.1")
                .say("this is ridiculous, the third time I'm calling and nobody ever helps me"));

        assertThat(result.route()).isEqualTo("customer-service");
        assertThat(result.priority()).isEqualTo("2");
        JsonObject turn = recordedCall("1800000006.1").getJsonArray("turns").get(0).asJsonObject();
        assertThat(turn.getString("sentiment")).isEqualTo("negative");
        assertThat(firedRules(recordedCall("1800000006.1"), 0)).last()
                .isEqualTo("An upset caller who was not understood goes to a person at once");
    }

    @Test
    void nluParseWithoutTextIsA400ThatSaysWhatToSend() throws Exception {
        ParleyServer.Reply reply = ParleyServer.post("/api/nlu/parse", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().asJsonObject().getString("error")).contains("text is missing or empty");
    }

    @Test
    void unknownCallIdIsA404ThatSaysSo() throws Exception {
        ParleyServer.Reply reply = get("/api/calls/987654321");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().asJsonObject().getString("error")).isEqualTo("no call with id 987654321");
    }
}
