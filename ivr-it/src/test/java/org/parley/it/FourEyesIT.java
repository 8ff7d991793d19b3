package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four-eyes publishing ({@code parley.rules.four-eyes=true}, set on the server before Parley is deployed, as an
 * operator would): a publisher's draft only proposes a version; it serves once another publisher approves it,
 * never when its own author does, never when rejected, and no rollback can make a proposed or rejected version
 * serve. Every step is in the audit trail with the user who took it. Afterwards the setting is taken out again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourEyesIT {

    private static final String SECOND = "pat.publisher";
    private static boolean deployed;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "four-eyes", managed = false, testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @BeforeAll
    static void fourEyesIsSwitchedOn() throws Exception {
        ParleyServer.cli("--command=/system-property=parley.rules.four-eyes:add(value=true)");
    }

    @BeforeEach
    void parleyIsDeployed() throws Exception {
        if (!deployed) {
            deployer.deploy("four-eyes");
            deployed = true;
            ParleyServer.user(SECOND, false, "publisher");
            ParleyServer.user("it-analyst-only", true, "analyst");
        }
    }

    @AfterAll
    static void fourEyesIsSwitchedOff() throws Exception {
        ParleyServer.cli("--command=/system-property=parley.rules.four-eyes:remove");
    }

    private static JsonObject serving() throws Exception {
        return ParleyServer.get("/api/rules/versions").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getBoolean("serving")).findFirst().orElseThrow();
    }

    /** The serving version's files, re-submitted with a comment: a real draft that passes every check. */
    private static String draft(String comment) throws Exception {
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (JsonValue f : ParleyServer.get("/api/rules/versions/" + serving().getInt("number")).body().asJsonObject().getJsonArray("files")) {
            files.add(Json.createObjectBuilder().add("path", f.asJsonObject().getString("path")).add("content", f.asJsonObject().getString("content")));
        }
        return Json.createObjectBuilder().add("files", files).add("comment", comment).build().toString();
    }

    private static List<JsonObject> changes() throws Exception {
        return ParleyServer.get("/api/rules/changes?limit=10").body().asJsonArray().getValuesAs(JsonObject.class);
    }

    @Test
    @Order(1)
    void aProposalServesOnlyOnceAnotherPublisherApprovesIt() throws Exception {
        JsonObject before = serving();
        assertThat(ParleyServer.get("/api/rules/serving").body().asJsonObject().getBoolean("fourEyes")).isTrue();

        ParleyServer.Reply proposed = ParleyServer.post("/api/rules/publish", draft("VIP wording, for review"), ParleyServer.ANALYST);
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(202);
        JsonObject version = proposed.body().asJsonObject();
        int number = version.getInt("number");
        assertThat(version.getString("state")).isEqualTo("PROPOSED");
        assertThat(version.getBoolean("serving")).isFalse();
        assertThat(serving().getInt("number")).as("nothing serves until approved").isEqualTo(before.getInt("number"));

        // no way round the second pair of eyes: rolling back to it, its author approving, an analyst approving
        ParleyServer.Reply rollback = ParleyServer.post("/api/rules/rollback", "{\"version\":" + number + "}", ParleyServer.ANALYST);
        assertThat(rollback.status()).isEqualTo(409);
        assertThat(rollback.body().asJsonObject().getString("error")).contains("never published");
        ParleyServer.Reply own = ParleyServer.post("/api/rules/versions/" + number + "/approve", "{}", ParleyServer.ANALYST);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body().asJsonObject().getString("error")).contains("another publisher must review it");
        assertThat(ParleyServer.post("/api/rules/versions/" + number + "/approve", "{}", "it-analyst-only").status()).isEqualTo(403);
        assertThat(serving().getInt("number")).isEqualTo(before.getInt("number"));

        ParleyServer.Reply approved = ParleyServer.post("/api/rules/versions/" + number + "/approve", "{\"comment\":\"read it, fine\"}", SECOND);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().asJsonObject().getString("state")).isEqualTo("PUBLISHED");
        assertThat(approved.body().asJsonObject().getString("reviewedBy")).isEqualTo(SECOND);
        assertThat(approved.body().asJsonObject().getBoolean("serving")).isTrue();
        assertThat(ParleyServer.get("/api/rules/serving").body().asJsonObject().getString("version")).isEqualTo("v" + number);
        assertThat(ParleyServer.post("/api/rules/versions/" + number + "/approve", "{}", SECOND).status()).as("only once").isEqualTo(409);

        // a rollback is immediate (an emergency brake), and audited too
        assertThat(ParleyServer.post("/api/rules/rollback", "{\"version\":" + before.getInt("number") + "}", SECOND).status()).isEqualTo(200);
        assertThat(changes()).extracting(c -> c.getString("action") + " v" + c.getInt("version") + " by " + c.getString("who"))
                .startsWith("ROLLED_BACK v" + before.getInt("number") + " by " + SECOND, "APPROVED v" + number + " by " + SECOND,
                        "PROPOSED v" + number + " by " + ParleyServer.ANALYST);
    }

    @Test
    @Order(2)
    void aRejectedProposalNeverServes() throws Exception {
        int before = serving().getInt("number");
        ParleyServer.Reply proposed = ParleyServer.post("/api/rules/publish", draft("try this"), SECOND);
        assertThat(proposed.status()).isEqualTo(202);
        int number = proposed.body().asJsonObject().getInt("number");

        ParleyServer.Reply rejected = ParleyServer.post("/api/rules/versions/" + number + "/reject", "{\"comment\":\"not before the sale\"}",
                ParleyServer.ANALYST);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().asJsonObject().getString("state")).isEqualTo("REJECTED");
        assertThat(rejected.body().asJsonObject().getString("reviewComment")).isEqualTo("not before the sale");

        assertThat(ParleyServer.post("/api/rules/versions/" + number + "/approve", "{}", ParleyServer.ANALYST).status()).isEqualTo(409);
        assertThat(ParleyServer.post("/api/rules/rollback", "{\"version\":" + number + "}", ParleyServer.ANALYST).status()).isEqualTo(409);
        assertThat(ParleyServer.post("/api/rules/versions/999999/approve", "{}", ParleyServer.ANALYST).status()).isEqualTo(404);
        assertThat(serving().getInt("number")).isEqualTo(before);
        assertThat(changes().get(0).getString("action")).isEqualTo("REJECTED");
        assertThat(changes().get(0).getString("who")).isEqualTo(ParleyServer.ANALYST);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void undeployed() {
        deployer.undeploy("four-eyes");
        deployed = false;
    }
}
