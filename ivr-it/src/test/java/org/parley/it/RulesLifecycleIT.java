package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.post;
import static org.parley.it.ParleyServer.recordedCall;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.CallScript;

/**
 * An analyst's day with the rules API on the deployed EAR: a draft that does not compile and one
 * that breaks a scenario are refused and change nothing; a good one serves the next call at once
 * and is recorded in its decisions; the diff shows the change; rollback brings the old rules back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulesLifecycleIT {

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static Map<String, String> servingFiles(int number) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (JsonValue f : get("/api/rules/versions/" + number).body().asJsonObject().getJsonArray("files")) {
            files.put(f.asJsonObject().getString("path"), f.asJsonObject().getString("content"));
        }
        return files;
    }

    private static String draft(Map<String, String> files, String comment) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        files.forEach((path, content) -> array.add(Json.createObjectBuilder().add("path", path).add("content", content)));
        return Json.createObjectBuilder().add("files", array).add("author", "mallory") /* ignored: the author is who logged in */.add("comment", comment).build().toString();
    }

    /**
     * Waits until {@code n} more calls have finished. With 8 callers at most 8 calls were under way at the swap, so after
     * 17 more have finished the 10 calls started last all started after the swap and at least 2 of them are over:
     * {@link #versionsOfNewestCalls} then sees the version that was serving.
     */
    private static void callsServed(java.util.concurrent.atomic.AtomicInteger placed, int n) {
        int from = placed.get();
        org.awaitility.Awaitility.await(n + " more calls").atMost(java.time.Duration.ofSeconds(60)).until(() -> placed.get() >= from + n);
    }

    /** The rule-set versions that decided the 10 calls recorded last. */
    private static java.util.Set<String> versionsOfNewestCalls() throws Exception {
        java.util.Set<String> versions = new java.util.TreeSet<>();
        for (JsonObject c : get("/api/calls?limit=10").body().asJsonArray().getValuesAs(JsonObject.class)) {
            get("/api/calls/" + c.getJsonNumber("id").longValue()).body().asJsonObject().getJsonArray("turns").getValuesAs(JsonObject.class)
                    .stream().filter(t -> t.containsKey("decision") && !t.isNull("decision"))
                    .forEach(t -> versions.add(t.getJsonObject("decision").getString("ruleSetVersion")));
        }
        return versions;
    }

    private static int servingNumber() throws Exception {
        return get("/api/rules/versions").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getBoolean("serving")).findFirst().orElseThrow().getInt("number");
    }

    @Test
    void analystPublishesTestsAndRollsBack() throws Exception {
        int original = servingNumber();
        Map<String, String> files = servingFiles(original);
        assertThat(files).containsKeys("routing.drl", "routing.dsl", "routing.dslr", "queues.drl.xlsx", "opening-hours.drl.csv",
                "understanding.drl", "scenarios.yaml", "opening-hours-scenarios.csv");
        try {
            // 1. a typo: refused with the file and line, nothing published
            Map<String, String> typo = new LinkedHashMap<>(files);
            typo.put("routing.drl", files.get("routing.drl").replace("Caller( withheld )", "Caller( withheldd )"));
            ParleyServer.Reply invalid = post("/api/rules/publish", draft(typo, "typo"), ParleyServer.ANALYST);
            assertThat(invalid.status()).isEqualTo(422);
            JsonObject problem = invalid.body().asJsonObject().getJsonArray("problems").getJsonObject(0);
            assertThat(problem.getString("path")).isEqualTo("routing.drl");
            assertThat(problem.getInt("line")).isPositive();
            assertThat(problem.getString("message")).contains("withheldd");

            // 2. compiles, but sends lost cards to the wrong queue: a scenario fails, refused
            Map<String, String> wrong = new LinkedHashMap<>(files);
            wrong.put("routing.dslr", files.get("routing.dslr").replace("route to the fraud queue with priority 1", "route to the cards queue with priority 1"));
            ParleyServer.Reply refused = post("/api/rules/publish", draft(wrong, "lost cards to cards"), ParleyServer.ANALYST);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().asJsonObject().getInt("scenariosFailed")).isPositive();
            assertThat(servingNumber()).isEqualTo(original);

            // 3. a real change with its scenario updated: published, serves the next call at once
            Map<String, String> faster = new LinkedHashMap<>(files);
            String handOver = "transfer( \"customer-service\", 5, \"transfer-agent\" )";
            assertThat(files.get("routing.drl")).contains(handOver);
            faster.put("routing.drl", files.get("routing.drl").replace(handOver, "transfer( \"customer-service\", 3, \"transfer-agent\" )"));
            faster.put("scenarios.yaml", files.get("scenarios.yaml").replace("expect: { action: TRANSFER, queue: customer-service, priority: 5 }",
                    "expect: { action: TRANSFER, queue: customer-service, priority: 3 }"));
            ParleyServer.Reply published = post("/api/rules/publish", draft(faster, "faults first"), ParleyServer.ANALYST);
            assertThat(published.status()).isEqualTo(201);
            int next = published.body().asJsonObject().getInt("number");
            assertThat(next).isGreaterThan(original);
            assertThat(published.body().asJsonObject().getString("author")).isEqualTo("ana.lyst");

            assertThat(call(CallScript.from("5552020").uniqueId("1800000100.1").say("umm the thing").say("blah blah")).priority()).isEqualTo("3");
            JsonObject recorded = recordedCall("1800000100.1");
            assertThat(recorded.getJsonArray("turns").getJsonObject(1).getJsonObject("decision").getString("ruleSetVersion")).isEqualTo("v" + next);

            // 4. the diff between the versions shows exactly that change
            JsonObject diff = get("/api/rules/diff?from=" + original + "&to=" + next).body().asJsonObject();
            assertThat(diff.getJsonArray("routing.drl").getValuesAs(JsonString::getString))
                    .contains("-     modify( $d ) { transfer( \"customer-service\", 5, \"transfer-agent\" ) }",
                            "+     modify( $d ) { transfer( \"customer-service\", 3, \"transfer-agent\" ) }");

            // 5. replay: the recorded turn decided again under the original version shows what would differ
            long callId = recorded.getJsonNumber("id").longValue();
            JsonObject replay = get("/api/calls/" + callId + "/turns/2/replay?version=" + original).body().asJsonObject();
            assertThat(replay.getJsonObject("recorded").getString("ruleSetVersion")).isEqualTo("v" + next);
            assertThat(replay.getJsonObject("replayed").getString("ruleSetVersion")).isEqualTo("v" + original);
            assertThat(replay.getJsonArray("changes").getValuesAs(JsonString::getString)).containsExactly("priority: 3 -> 5");
            assertThat(replay.getString("situation")).contains("caller: '5552020'", "clarifications: 1", "turn: 2");
            assertThat(get("/api/calls/" + callId + "/turns/2/replay?version=999").status()).isEqualTo(404);

            // 6. rollback: the original rules serve again
            ParleyServer.Reply rolledBack = post("/api/rules/rollback", "{\"version\":" + original + "}", ParleyServer.ANALYST);
            assertThat(rolledBack.status()).isEqualTo(200);
            assertThat(call(CallScript.from("5552021").uniqueId("1800000100.2").say("umm the thing").say("blah blah")).priority()).isEqualTo("5");
        } finally {
            post("/api/rules/rollback", "{\"version\":" + original + "}", ParleyServer.ANALYST);
        }
    }

    @Test
    void validateReportsEveryErrorWithoutPublishing() throws Exception {
        ParleyServer.Reply reply = post("/api/rules/validate",
                "{\"files\":[{\"path\":\"vip.drl\",\"content\":\"package org.parley.rules.routing;\\nrule \\\"x\\\"\\nwhen\\n  eval( true\\nthen\\nend\\n\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().asJsonObject().getBoolean("passed")).isFalse();
        assertThat(reply.body().asJsonObject().getJsonArray("problems").getJsonObject(0).getString("path")).isEqualTo("vip.drl");
    }

    /**
     * Callers placing calls back to back while versions swap. Four keep both cores busy (each makes 3-4 calls a second);
     * eight only starved the publish's compile of CPU and added a minute to the build.
     */
    private static final int CALLERS = 4;

    @Test
    void noCallFailsWhileVersionsArePublishedAndRolledBack() throws Exception {
        int original = servingNumber();
        Map<String, String> files = servingFiles(original);
        Map<String, String> changed = new LinkedHashMap<>(files);
        changed.put("routing.drl", files.get("routing.drl").replace("hangup( \"goodbye\" )", "hangup( \"goodbye-thanks\" )"));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(CALLERS);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger placed = new java.util.concurrent.atomic.AtomicInteger();
        String[] says = {"I lost my card", "my internet is not working", "what's my balance", "umm the thing", "I want to pay my bill"};
        List<java.util.concurrent.Future<List<String>>> work = new java.util.ArrayList<>();
        try {
            for (int t = 0; t < CALLERS; t++) {
                int thread = t;
                work.add(callers.submit(() -> {
                    List<String> failures = new java.util.ArrayList<>();
                    for (int i = 0; !stop.get() || i < 5; i++) {
                        String id = "1800000200." + thread + "." + i;
                        var result = call(CallScript.from("55530" + thread + i).uniqueId(id).say(says[(thread + i) % says.length]).say("blah"));
                        placed.incrementAndGet();
                        if (result.route() == null || result.route().isEmpty()
                                || result.ending() == org.parley.tools.sim.CallResult.Ending.CALLER_HUNG_UP) {
                            failures.add(id + ": " + result.ending() + " route " + result.route());
                        }
                    }
                    return failures;
                }));
            }
            List<Integer> published = new java.util.ArrayList<>();
            // two rounds: a publish after a rollback swaps as the first did (a third added a minute to the build and nothing else)
            for (int round = 0; round < 2; round++) {
                callsServed(placed, 17);
                ParleyServer.Reply p = post("/api/rules/publish", draft(changed, "swap under load " + round), ParleyServer.ANALYST);
                assertThat(p.status()).isEqualTo(201);
                published.add(p.body().asJsonObject().getInt("number"));
                assertThat(get("/api/rules/serving").body().asJsonObject().getString("version")).isEqualTo("v" + published.get(round));
                callsServed(placed, 17);
                assertThat(versionsOfNewestCalls()).as("calls decided by the version just published").contains("v" + published.get(round));
                assertThat(post("/api/rules/rollback", "{\"version\":" + original + "}", ParleyServer.ANALYST).status()).isEqualTo(200);
                assertThat(get("/api/rules/serving").body().asJsonObject().getString("version")).isEqualTo("v" + original);
                callsServed(placed, 17);
                assertThat(versionsOfNewestCalls()).as("calls decided by the version rolled back to").contains("v" + original);
            }
            stop.set(true);
            for (var w : work) {
                assertThat(w.get(120, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
            }
            assertThat(placed.get()).isGreaterThanOrEqualTo(40);
            assertThat(ParleyServer.get("/api/calls?limit=500").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("uniqueId").startsWith("1800000200."))
                    .filter(c -> !c.getString("status").equals("ROUTED") && !c.getString("status").equals("COMPLETED"))
                    .map(c -> c.getString("uniqueId") + " " + c.getString("status")).toList())
                    .as("every call under load was routed").isEmpty();
        } finally {
            stop.set(true);
            callers.shutdownNow();
            post("/api/rules/rollback", "{\"version\":" + original + "}", ParleyServer.ANALYST);
        }
    }
}
