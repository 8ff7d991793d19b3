package org.parley.tools.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The open-loop load against asterisk-java's bare FastAGI server (the floor {@code sim load} compares Parley with):
 * calls start at the asked rate, each is held for its prompts, overlap, and each routed call has a decision time.
 */
class OpenLoadTest {

    @Test
    void callsStartAtTheRateAreHeldOpenAndEachDecisionIsTimed() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        FloorServer floor = new FloorServer(port, 200);
        Thread serving = new Thread(() -> {
            try {
                floor.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "floor");
        serving.setDaemon(true);
        serving.start();
        int listening = port;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket s = new Socket("127.0.0.1", listening)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });

        // 40 calls a second for 2 s, two prompts of 200 ms each: about 16 open at once
        OpenLoad.Result result = OpenLoad.run(new FastAgiCall("127.0.0.1", port, Duration.ofSeconds(10)),
                n -> CallScript.from("555" + n).say("I lost my card").hold(200), 40, 2, 1000, open -> { });

        assertThat(result.started()).isEqualTo(80);
        assertThat(result.failed()).isZero();
        assertThat(result.refused()).isZero();
        assertThat(result.routes()).containsEntry("fraud", 80);
        assertThat(Arrays.stream(result.decisionMillis()).filter(v -> !Double.isNaN(v))).hasSize(80);
        assertThat(OpenLoad.Result.percentile(result.callMillis(), 50)).as("held for two prompts").isGreaterThanOrEqualTo(400);
        assertThat(result.mostOpen()).as("calls overlap as at Asterisk").isGreaterThan(5);
        assertThat(result.summary()).contains("80 calls started", "decision (caller's words -> PARLEY_ROUTE), 80 calls");
    }

    @Test
    void theServersHeapAndThreadsAreReadFromPrometheusText() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_threads_live_threads 123.0
                """;

        assertThat(ServerFigures.parse(text)).isEqualTo(new ServerFigures(31_457_280L, 123));
        assertThat(ServerFigures.parse("nothing: 1\n")).isNull();
        assertThat(ServerFigures.read(URI.create("none"))).as("--metrics none").isNull();
    }
}
