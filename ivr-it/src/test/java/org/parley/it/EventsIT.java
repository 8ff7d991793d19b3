package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.it.ParleyServer.call;
import static org.parley.it.ParleyServer.get;
import static org.parley.it.ParleyServer.post;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.CallScript;

/**
 * Call events reach a real HTTP receiver (the CRM's webhook) through the outbox; the receiver goes
 * away mid-stream and every event still arrives once it is back; a receiver that keeps failing
 * fills the dead-letter store, which an operator replays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PORT = Integer.getInteger("it.webhook.port");

    /** Events received per path: event id to the event, and how many requests in all (retries included). */
    private static final Map<String, Map<String, JsonObject>> RECEIVED = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    @Deployment(name = "parley", testable = false, order = 1)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    /** A subscriber on the call-event topic, deployed for this test only. */
    @Deployment(name = "jms-probe", testable = false, order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "jms-probe.war").addClasses(JmsProbe.class, JmsProbe.ProbeApplication.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void eventsArePublishedOnTheJmsTopic() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var listening = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + ParleyServer.HTTP_PORT
                + "/jms-probe/next?match=1800000510.1&timeoutMs=20000")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        await().atMost(WAIT).until(() -> http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + ParleyServer.HTTP_PORT + "/jms-probe/subscribers")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body(), "1"::equals);
        call(CallScript.from("5559100").uniqueId("1800000510.1").say("I lost my card"));

        var message = listening.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(message.statusCode()).as(message.body()).isEqualTo(200);
        JsonObject event = Json.createReader(new StringReader(message.body())).readObject();
        assertThat(event.getJsonObject("call").getString("uniqueId")).isEqualTo("1800000510.1");
        assertThat(message.headers().firstValue("X-IdempotencyKey")).hasValue(event.getString("eventId"));
        assertThat(message.headers().firstValue("X-ParleyEvent")).hasValue(event.getString("type"));
    }

    private static HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 50);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            REQUESTS.incrementAndGet();
            int status = 200;
            if (path.equals("/broken") && BROKEN.get()) {
                status = 500;
            } else {
                JsonObject event = Json.createReader(new StringReader(body)).readObject();
                assertThat(exchange.getRequestHeaders().getFirst("Idempotency-Key")).isEqualTo(event.getString("eventId"));
                RECEIVED.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(event.getString("eventId"), event);
            }
            byte[] reply = (status == 200 ? "ok" : "CRM is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static long received(String path, String uniqueIdPrefix, String type) {
        return RECEIVED.getOrDefault(path, Map.of()).values().stream()
                .filter(e -> e.getJsonObject("call").getString("uniqueId").startsWith(uniqueIdPrefix))
                .filter(e -> type == null || e.getString("type").equals(type)).count();
    }

    @Test
    void everyEventArrivesThoughTheReceiverWasDownAndDeadLettersReplay() throws Exception {
        HttpServer server = receiver();
        try {
            for (int i = 1; i <= 3; i++) {
                call(CallScript.from("555900" + i).uniqueId("1800000500." + i).say("my internet is not working"));
            }
            await().atMost(WAIT).until(() -> received("/hook", "1800000500.", null) == 9);
            JsonObject routed = RECEIVED.get("/hook").values().stream()
                    .filter(e -> e.getString("type").equals("call.routed") && e.getJsonObject("call").getString("uniqueId").equals("1800000500.1"))
                    .findFirst().orElseThrow().getJsonObject("call");
            assertThat(routed.getJsonObject("decision").getString("queue")).isEqualTo("tech");
            assertThat(routed.getString("intent")).isEqualTo("technical_support");
            assertThat(routed.getJsonObject("decision").getJsonArray("firedRules")).isNotEmpty();
            JsonObject ended = RECEIVED.get("/hook").values().stream()
                    .filter(e -> e.getString("type").equals("call.ended") && e.getJsonObject("call").getString("uniqueId").equals("1800000500.1"))
                    .findFirst().orElseThrow().getJsonObject("call");
            assertThat(ended.getString("status")).isEqualTo("ROUTED");
            assertThat(ended.getString("transcript")).isEqualTo("my internet is not working");

            // the CRM goes away mid-stream
            server.stop(0);
            for (int i = 4; i <= 6; i++) {
                call(CallScript.from("555900" + i).uniqueId("1800000500." + i).say("I want to pay my bill"));
            }
            // Parley keeps trying: each of the new events to /hook has failed at least once before the CRM is back
            await().atMost(WAIT).until(() -> get("/api/events/failing?limit=1000").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("target").endsWith("/hook") && e.getString("callUniqueId").matches("1800000500\\.[4-6]"))
                    .filter(e -> e.getInt("attempts") >= 1 && !e.getString("lastError", "").isEmpty()).count() == 9);
            server = receiver();
            await().atMost(WAIT).until(() -> received("/hook", "1800000500.", null) == 18);
            assertThat(received("/hook", "1800000500.", "call.started")).isEqualTo(6);

            // the other webhook kept failing: its events are dead letters until replayed
            await().atMost(WAIT).until(() -> get("/api/events/dead?limit=1000").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("target").endsWith("/broken") && d.getString("callUniqueId").startsWith("1800000500."))
                    .count() == 18);
            // each used its 6 attempts; the last error is what the CRM said then (refused while it was down, else its 500)
            List<JsonObject> dead = get("/api/events/dead?limit=1000").body().asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("target").endsWith("/broken") && d.getString("callUniqueId").startsWith("1800000500.")).toList();
            assertThat(dead).allSatisfy(d -> assertThat(d.getInt("attempts")).isEqualTo(6))
                    .allSatisfy(d -> assertThat(d.getString("lastError")).isIn("HTTP 500: CRM is down", "ConnectException"))
                    .anySatisfy(d -> assertThat(d.getString("lastError")).isEqualTo("HTTP 500: CRM is down"));

            BROKEN.set(false);
            assertThat(post("/api/events/dead/replay", "{}").status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> received("/broken", "1800000500.", null) == 18);
            assertThat(get("/api/events").body().asJsonObject().getJsonNumber("deliveredSinceStart").longValue()).isGreaterThanOrEqualTo(36);
            assertThat(get("/api/events/targets").body().asJsonObject()
                    .getJsonNumber("http://127.0.0.1:" + PORT + "/broken").longValue()).isGreaterThanOrEqualTo(18);
            // and every event went to the JMS topic on the embedded broker
            await().atMost(WAIT).until(() -> get("/api/events/targets").body().asJsonObject()
                    .getJsonNumber("jms:java:/jms/topic/ParleyCallEvents").longValue() >= 18);
        } finally {
            server.stop(0);
        }
    }
}
