package org.parley.camel.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parley.camel.audiosocket.AudioSocketServer;
import org.parley.nlp.audio.Endpointer;

/**
 * Whatever follows the call's UUID frame on an AudioSocket stream (frames of any type and length,
 * truncated frames, zero-length floods), the ask it belongs to ends within its bound with an outcome,
 * never an exception or a hang. Real socket, real server.
 */
class AudioSocketFuzzTest {

    private static AudioSocketServer server;

    @BeforeAll
    static void listen() throws IOException {
        server = new AudioSocketServer(new AudioSocketServer.Settings("127.0.0.1", 0,
                new Endpointer.Settings(8000, 300, 1_000, 500, 500, 60, 200)), Executors.defaultThreadFactory());
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The test connects to the server it fuzzes, on this machine: not the request forgery Jazzer watches for. */
    private static void allowLocalConnections() {
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") || host.equals("127.0.0.1"));
    }

    @FuzzTest(maxDuration = "20s")
    void anyStreamEndsTheAskWithAnOutcome(byte[] input) throws Exception {
        allowLocalConnections();
        UUID call = UUID.randomUUID();
        CompletableFuture<AudioSocketServer.Heard> heard = server.expect(call);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            ByteBuffer id = ByteBuffer.allocate(19).put((byte) 0x01).putShort((short) 16)
                    .putLong(call.getMostSignificantBits()).putLong(call.getLeastSignificantBits());
            out.write(id.array());
            out.write(input);
            socket.shutdownOutput();
            // The longest ask here: no-input 0.5 s + utterance 1 s + 2 s of slack in the server.
            AudioSocketServer.Heard outcome = heard.get(8, TimeUnit.SECONDS);
            assertThat(outcome).isNotNull();
            assertThat(outcome.ending()).isNotNull();
        } catch (TimeoutException hang) {
            throw new AssertionError("the ask was still open 8 s after the stream ended", hang);
        } catch (java.net.SocketException closed) {
            // the server closed the stream first (a malformed frame): its outcome must still arrive
            assertThat(heard.get(8, TimeUnit.SECONDS)).isNotNull();
        }
    }
}
