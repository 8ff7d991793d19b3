package org.parley.camel.fastagi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;
import org.parley.tools.sim.FastAgiCall;

/** The fastagi component on a real socket, driven by the Asterisk simulator. */
class FastAgiComponentTest {

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private CamelContext camel;
    private int port;

    @BeforeEach
    void startRoute() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        camel = new DefaultCamelContext();
        camel.addComponent("fastagi", new FastAgiComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("fastagi:ivr?bindAddress=127.0.0.1&port=" + port + "&maxSessions=50&readTimeoutSeconds=10").routeId("test-agi")
                        .process(exchange -> {
                            AgiRequest request = exchange.getIn().getBody(AgiRequest.class);
                            AgiChannel channel = exchange.getIn().getHeader(FastAgiConstants.CHANNEL, AgiChannel.class);
                            handled.add(request.getCallerIdNumber() + " " + exchange.getIn().getHeader(FastAgiConstants.UNIQUE_ID));
                            channel.answer();
                            channel.setVariable("PARLEY_ROUTE", "test-" + request.getCallerIdNumber());
                        });
            }
        });
        camel.start();
    }

    @AfterEach
    void stopRoute() {
        camel.stop();
    }

    private CallResult call(CallScript script) throws IOException {
        return new FastAgiCall("127.0.0.1", port, Duration.ofSeconds(10)).place(script);
    }

    @Test
    void eachCallBecomesOneExchange() throws Exception {
        CallResult first = call(CallScript.from("5551234").uniqueId("1.1"));
        CallResult second = call(CallScript.from("5559876").uniqueId("1.2"));

        assertThat(first.route()).isEqualTo("test-5551234");
        assertThat(second.route()).isEqualTo("test-5559876");
        assertThat(handled).containsExactly("5551234 1.1", "5559876 1.2");
        assertThat(first.variablesSet()).containsEntry("AJ_AGISTATUS", "SUCCESS");
    }

    @Test
    void unknownScriptIsAnsweredNotFoundWithoutReachingTheRoute() throws Exception {
        CallResult result = call(CallScript.from("5551234").script("billing"));

        assertThat(result.variablesSet()).containsEntry("AJ_AGISTATUS", "NOT_FOUND");
        assertThat(result.transcript()).anyMatch(line -> line.startsWith("> VERBOSE") && line.contains("billing"));
        assertThat(handled).isEmpty();
    }

    @Test
    void garbageIsClosedWithoutACommandAndTheNextCallIsServed() throws Exception {
        assertThat(sendRaw("\u0016\u0003\u0001garbage\r\nnot agi at all\n\n")).isEmpty();
        assertThat(sendRaw("\n")).isEmpty();
        assertThat(sendRaw("agi_network: yes\nagi_network_script: ivr\n\n")).isEmpty();

        assertThat(call(CallScript.from("5551234")).route()).isEqualTo("test-5551234");
        assertThat(handled).hasSize(1);
    }

    @Test
    void anOverlongLineOrAnEndlessEnvironmentIsClosedAndTheNextCallIsServed() throws Exception {
        assertThat(sendRaw("agi_network: yes\nagi_request: " + "x".repeat(100_000) + "\n\n")).isEmpty();
        assertThat(sendRaw("agi_network_script: ivr\n" + "agi_arg_1: a\n".repeat(5_000) + "\n")).isEmpty();

        assertThat(call(CallScript.from("5551234")).route()).isEqualTo("test-5551234");
        assertThat(handled).hasSize(1);
    }

    @Test
    void aHostThatIsNotAnAsteriskServerIsClosedBeforeItsRequestIsRead() throws Exception {
        CamelContext guarded = new DefaultCamelContext();
        FastAgiComponent component = new FastAgiComponent();
        component.setAllowedPeers(org.parley.camel.net.AllowedPeers.parse("192.0.2.10"));
        guarded.addComponent("fastagi", component);
        int otherPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            otherPort = probe.getLocalPort();
        }
        guarded.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("fastagi:ivr?bindAddress=127.0.0.1&port=" + otherPort).process(exchange -> handled.add("never"));
            }
        });
        guarded.start();
        try {
            CallResult refused = new FastAgiCall("127.0.0.1", otherPort, Duration.ofSeconds(5)).place(CallScript.from("5551234"));
            assertThat(refused.route()).isNull();
            assertThat(handled).isEmpty();
        } catch (IOException closed) {
            assertThat(handled).isEmpty(); // the simulator saw the connection close: refused, as it should be
        } finally {
            guarded.stop();
        }
    }

    @Test
    void portInUseFailsTheStartWithAClearMessage() throws Exception {
        CamelContext second = new DefaultCamelContext();
        second.addComponent("fastagi", new FastAgiComponent());
        second.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("fastagi:ivr?bindAddress=127.0.0.1&port=" + port).process(exchange -> handled.add("never"));
            }
        });
        try {
            second.start();
            org.assertj.core.api.Assertions.fail("a second listener on port " + port + " must not start");
        } catch (Exception e) {
            assertThat(e).hasStackTraceContaining("FastAGI cannot listen on 127.0.0.1:" + port);
        } finally {
            second.stop();
        }
    }

    /** Sends bytes as a non-Asterisk peer would and returns whatever the server writes before closing. */
    private String sendRaw(String bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
