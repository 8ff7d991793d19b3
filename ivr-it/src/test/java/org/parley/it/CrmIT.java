package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.put;
import static org.parley.it.ParleyServer.recordedCall;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.CallScript;

/**
 * The CRM keeps Parley's customer store current (REST, validated; bulk CSV through the Camel file
 * drop) and the dialog sees the customer through the Infinispan caller-context cache.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrmIT {

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @Test
    void aVipSpanishSpeakingCustomerFromTheCrmIsRoutedAsOne() throws Exception {
        ParleyServer.Reply created = put("/api/crm/customers/C-100",
                "{\"phone\":\"(555) 010-2000\",\"name\":\"Ana Lopez\",\"tier\":\"VIP\",\"language\":\"es\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().asJsonObject().getString("phone")).isEqualTo("+15550102000");

        var result = call(CallScript.from("5550102000").uniqueId("1800000300.1").say("how much money is in my account"));
        assertThat(result.queue()).isEqualTo("lang-es");
        assertThat(result.priority()).isEqualTo("1");
        JsonObject decision = recordedCall("1800000300.1").getJsonArray("turns").getJsonObject(0).getJsonObject("decision");
        assertThat(decision.getJsonArray("facts").getValuesAs(JsonString::getString))
                .anySatisfy(f -> assertThat(f).startsWith("CustomerProfile{customerId=C-100, name=Ana Lopez, tier=VIP, language=es"));
        assertThat(decision.getJsonArray("firedRules").getValuesAs(JsonString::getString))
                .contains("VIP customers go to the front of the queue",
                        "A customer whose profile names another language goes to that language's desk while it is open");

        // a case opened in the CRM shows in the caller's context at once; the routed call is there too
        assertThat(put("/api/crm/cases/K-1", "{\"customerId\":\"C-100\",\"subject\":\"card not arrived\",\"status\":\"open\"}").status())
                .isEqualTo(201);
        JsonObject context = get("/api/crm/callers/5550102000").body().asJsonObject();
        assertThat(context.getInt("openCases")).isEqualTo(1);
        assertThat(context.getString("lastQueue")).isEqualTo("lang-es");

        // the CRM changes the customer: the next call is routed by the new profile, no restart
        assertThat(put("/api/crm/customers/C-100", "{\"phone\":\"(555) 010-2000\",\"name\":\"Ana Lopez\",\"tier\":\"standard\"}").status())
                .isEqualTo(200);
        var after = call(CallScript.from("5550102000").uniqueId("1800000300.2").say("how much money is in my account"));
        assertThat(after.priority()).as("no longer VIP").isEqualTo("4");
        assertThat(after.queue()).as("no language desk, back to the queue of the last call").isEqualTo("lang-es");

        // the case is closed and deleted in the CRM; deleting the customer takes their cases along
        assertThat(put("/api/crm/cases/K-1", null).status()).isEqualTo(204);
        assertThat(get("/api/crm/callers/5550102000").body().asJsonObject().getInt("openCases")).isZero();
        assertThat(put("/api/crm/customers/C-100", null).status()).isEqualTo(204);
        assertThat(get("/api/crm/customers/C-100").status()).isEqualTo(404);
        assertThat(put("/api/crm/customers/C-100", null).status()).isEqualTo(404);
    }

    @Test
    void aBadPayloadIsRefusedWithEveryFieldErrorAndNothingStored() throws Exception {
        ParleyServer.Reply refused = put("/api/crm/customers/C-101", "{\"phone\":\"call me\",\"tier\":\"!!\",\"language\":\"Spanish\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().asJsonObject().getJsonArray("fields").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("field")).containsExactly("language", "phone", "tier");
        assertThat(refused.body().asJsonObject().getString("error")).contains("nothing was stored");
        assertThat(get("/api/crm/customers/C-101").status()).isEqualTo(404);
        assertThat(put("/api/crm/cases/K-9", "{\"customerId\":\"nobody\",\"status\":\"open\"}").status()).isEqualTo(400);
    }

    /** JSON-B loops for ever on an unknown property holding an unterminated array: the API answers it 400 first. */
    @Test
    void brokenJsonIsRefusedWithWhereItBrokeAndHoldsNoThread() throws Exception {
        for (int i = 0; i < 4; i++) { // more than one: each would have held a worker thread for ever
            ParleyServer.Reply refused = put("/api/crm/customers/C-102", "{\"phone\":\"+15551230102\",\"notes\":[");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().asJsonObject().getString("error")).contains("not JSON").contains("column");
        }
        assertThat(put("/api/crm/customers/C-102", "{\"phone\":\"+15551230102\"}").status()).isEqualTo(201);
    }

    @Test
    void aBulkFileImportsTheGoodRowsAndReportsTheBadOnesByLine() throws Exception {
        Path drop = Path.of(System.getProperty("it.base.dir"), "data", "parley", "crm-import");
        Path staging = Files.createTempFile("customers", ".tmp");
        Files.writeString(staging, """
                customerId,phone,name,tier,language
                C-200,+44 20 7946 0000,Oliver Novak,standard,en
                C-201,not a number,Amelia Rossi,VIP,it
                C-202,5550103000,"Kwame Mensah, Jr.",VIP,
                """);
        Files.move(staging, drop.resolve("customers-1.csv"));

        Path errors = drop.resolve("error").resolve("customers-1.csv.errors.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("error").resolve("customers-1.csv")));
        assertThat(Files.readString(errors)).contains("2 rows imported, 1 rejected", "line 3: customer is not valid: phone");
        assertThat(get("/api/crm/customers/C-200").body().asJsonObject().getString("phone")).isEqualTo("+442079460000");
        assertThat(get("/api/crm/customers/C-202").body().asJsonObject().getString("name")).isEqualTo("Kwame Mensah, Jr.");
        assertThat(get("/api/crm/customers/C-201").status()).isEqualTo(404);

        Files.writeString(staging, "customerId,phone\nC-203,5550104000\n");
        Files.move(staging, drop.resolve("customers-2.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done").resolve("customers-2.csv")));
        assertThat(get("/api/crm/customers/C-203").status()).isEqualTo(200);
    }
}
