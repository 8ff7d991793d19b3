package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;

/**
 * Parley redeployed while a caller is in the dialog, as an operator rolling out a new version does: the
 * caller is not dropped but handed back to the dialplan with the fallback queue at the next turn, and the
 * call's record is closed with that outcome, not left IN_PROGRESS.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CleanEndingsIT {

    private static final String CALL = "1800000400.1";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "clean-endings", managed = false, testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static String status(String uniqueId) throws Exception {
        return ParleyServer.get("/api/calls?limit=50").body().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> uniqueId.equals(c.getString("uniqueId"))).map(c -> c.getString("status")).findFirst().orElse("");
    }

    @Test
    void aCallInTheDialogWhenParleyIsRedeployedGoesToTheFallbackQueueAndIsClosed() throws Exception {
        deployer.deploy("clean-endings");
        long logStart = Files.size(ParleyServer.SERVER_LOG);
        try {
            // A caller who says nothing, in real time: each question waits out the input timeout.
            CompletableFuture<CallResult> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return ParleyServer.call(CallScript.from("5554001").uniqueId(CALL).realTimeSilence(true)
                            .staySilent().staySilent().staySilent());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> status(CALL).equals("IN_PROGRESS"));

            deployer.undeploy("clean-endings");

            CallResult result = call.get(60, TimeUnit.SECONDS);
            assertThat(result.ending()).as("the caller was handed back, not hung up on").isEqualTo(CallResult.Ending.RETURNED_TO_DIALPLAN);
            assertThat(result.queue()).isEqualTo("customer-service");
        } finally {
            deployer.deploy("clean-endings");
        }
        try {
            JsonObject recorded = ParleyServer.recordedCall(CALL);
            assertThat(recorded.getString("status")).isEqualTo("ROUTED");
            assertThat(recorded.getString("queue")).isEqualTo("customer-service");
            assertThat(recorded.containsKey("endedAt") && !recorded.isNull("endedAt")).as("endedAt is recorded").isTrue();
            assertThat(Files.readString(ParleyServer.SERVER_LOG).substring((int) logStart))
                    .contains("call " + CALL + ": the server is stopping; the call goes to the fallback queue customer-service")
                    .as("the dialog ended cleanly: AJ_AGISTATUS is not FAILED").doesNotContain("failed on call " + CALL);
        } finally {
            deployer.undeploy("clean-endings");
        }
    }
}
