package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.put;
import static org.parley.it.ParleyServer.recordedCall;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.CallScript;

/**
 * The outbound CRM lookup against a real HTTP CRM started here: a fresh profile when it answers;
 * when it fails or is slow the call goes on with the local store's copy marked stale; the circuit
 * opens so a failing CRM is not asked on every call, and closes again when it recovers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrmLookupIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    enum Mode { OK, FAIL, SLOW }

    private static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.OK);
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(7000);

    @Deployment(testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    private static HttpServer crm() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.getInteger("it.crm.port")), 50);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/customers", exchange -> {
            REQUESTS.incrementAndGet();
            String phone = exchange.getRequestURI().getQuery().replace("phone=", "").replace("%2B", "+");
            int status = 200;
            String body = "{\"id\":\"R-" + phone.substring(phone.length() - 4) + "\",\"fullName\":\"Remi Fournier\",\"segment\":\"VIP\","
                    + "\"lang\":\"FR\",\"tickets\":{\"open\":2}}";
            switch (MODE.get()) {
                case FAIL -> {
                    status = 503;
                    body = "maintenance";
                }
                case SLOW -> {
                    try {
                        // the peer under test is slow: it answers after 3 s, past Parley's lookup timeout
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> { }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String freshNumber() {
        return "555" + NEXT_NUMBER.getAndIncrement() + "00";
    }

    private static JsonObject context(String number) throws Exception {
        return get("/api/crm/callers/" + number).body().asJsonObject();
    }

    @Test
    void freshWhenTheCrmAnswersStaleWhenItFailsAndTheCircuitProtectsCalls() throws Exception {
        HttpServer server = crm();
        try {
            // 1. the CRM answers (after any circuit left open by earlier tests closes): a fresh profile, mapped
            AtomicReference<String> known = new AtomicReference<>();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                String n = freshNumber();
                JsonObject c = context(n);
                if (c.containsKey("customerId") && !c.isNull("customerId") && !c.getBoolean("stale")) {
                    known.set(n);
                    return true;
                }
                return false;
            });
            JsonObject fresh = context(known.get());
            assertThat(fresh.getString("tier")).isEqualTo("VIP");
            assertThat(fresh.getString("language")).isEqualTo("fr");
            assertThat(fresh.getInt("openCases")).isEqualTo(2);
            var routed = call(CallScript.from(known.get()).uniqueId("1800000600.1").say("how much money is in my account"));
            assertThat(routed.queue()).isEqualTo("lang-fr");
            assertThat(routed.priority()).isEqualTo("1");
            assertThat(get("/api/crm/customers/" + fresh.getString("customerId")).status()).as("kept in the local store").isEqualTo(200);

            // 2. the CRM fails: the local copy serves, marked stale, and the call is routed as usual
            assertThat(put("/api/crm/customers/L-2", "{\"phone\":\"5557100\",\"name\":\"Local Lou\",\"tier\":\"VIP\"}").status()).isEqualTo(201);
            MODE.set(Mode.FAIL);
            JsonObject stale = context("5557100");
            assertThat(stale.getString("customerId")).isEqualTo("L-2");
            assertThat(stale.getBoolean("stale")).isTrue();
            var staleCall = call(CallScript.from("5557100").uniqueId("1800000600.2").say("how much money is in my account"));
            assertThat(staleCall.priority()).isEqualTo("1");
            assertThat(recordedCall("1800000600.2").getJsonArray("turns").getJsonObject(0).getJsonObject("decision")
                    .getJsonArray("facts").getValuesAs(JsonString::getString))
                    .anySatisfy(f -> assertThat(f).startsWith("CustomerProfile{customerId=L-2").endsWith("stale=true}"));

            // 3. after a few failures the circuit is open: the CRM is not asked at all
            for (int i = 0; i < 6; i++) {
                context(freshNumber());
            }
            int asked = REQUESTS.get();
            assertThat(context(freshNumber()).getBoolean("stale")).isTrue();
            assertThat(REQUESTS.get()).as("no request while the circuit is open").isEqualTo(asked);

            // 4. slow CRM: the lookup gives up after its timeout, the caller does not wait for the CRM
            MODE.set(Mode.SLOW);
            // Wall-clock behaviour under test: the open circuit lets a request through only after
            // parley.crm.lookup.open-seconds (2 s here); nothing on the wire shows when that happens.
            Thread.sleep(2500);
            long start = System.nanoTime();
            assertThat(context(freshNumber()).getBoolean("stale")).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms waited for a CRM that takes 3 s").isLessThan(2500);

            // 5. the CRM recovers: the circuit closes and profiles are fresh again
            MODE.set(Mode.OK);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> !context(freshNumber()).getBoolean("stale"));
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
