package org.parley.camel.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.asteriskjava.fastagi.AgiChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parley.camel.fastagi.FastAgiComponent;
import org.parley.camel.fastagi.FastAgiConstants;
import org.parley.tools.sim.CallScript;
import org.parley.tools.sim.FastAgiCall;

/**
 * Whatever a peer sends to the FastAGI port (an environment block, then replies to commands), the
 * connection ends within the read timeout, the server keeps its limits and the next real call is served.
 * Each input goes over a real socket to the real listener. {@code ./mvnw verify} fuzzes it briefly;
 * {@code -Pfuzz} for long (see the README).
 */
class AgiFuzzTest {

    private static CamelContext camel;
    private static int port;

    @BeforeAll
    static void listen() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        camel = new DefaultCamelContext();
        camel.addComponent("fastagi", new FastAgiComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The route answers and asks a question, so fuzzed replies reach the reply parser too.
                from("fastagi:ivr?bindAddress=127.0.0.1&port=" + port + "&maxSessions=64&readTimeoutSeconds=2").routeId("fuzz-agi")
                        .process(exchange -> {
                            AgiChannel channel = exchange.getIn().getHeader(FastAgiConstants.CHANNEL, AgiChannel.class);
                            channel.answer();
                            channel.getData("parley/how-can-i-help", 100, 1);
                            channel.setVariable("PARLEY_ROUTE", "fuzz");
                        });
            }
        });
        camel.start();
    }

    @AfterAll
    static void stillServesARealCall() throws Exception {
        try {
            assertThat(new FastAgiCall("127.0.0.1", port, Duration.ofSeconds(10)).place(CallScript.from("5551234")).route())
                    .isEqualTo("fuzz");
        } finally {
            camel.stop();
        }
    }

    /** The test connects to the server it fuzzes, on this machine: not the request forgery Jazzer watches for. */
    private static void allowLocalConnections() {
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") || host.equals("127.0.0.1"));
    }

    @FuzzTest(maxDuration = "20s")
    void anyBytesEndTheConnectionInTime(byte[] input) throws IOException {
        allowLocalConnections();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(6_000);
            socket.getOutputStream().write(input);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            long read = 0;
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
                assertThat(read).as("what the server wrote back").isLessThan(1_000_000);
            }
        } catch (SocketTimeoutException hang) {
            throw new AssertionError("the FastAGI connection was still open 6 s after the peer stopped sending", hang);
        } catch (java.net.SocketException reset) {
            // the server closed first (a refused or over-long request): what it should do
        }
    }
}
