package org.parley.tools.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.InvalidCommandSyntaxException;
import org.asteriskjava.fastagi.InvalidOrUnknownCommandException;
import org.asteriskjava.fastagi.StaticMappingStrategy;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against asterisk-java's own FastAGI server: if asterisk-java understands every
 * line the simulator sends, so will Parley, which is built on it.
 */
class SimulatorAgainstAsteriskJavaTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private DefaultAgiServer server;
    private int port;

    private void serve(AgiScript script) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // The readiness probe below connects without an environment; asterisk-java would run the
        // script for it with an empty request, so such requests are skipped here.
        server = new DefaultAgiServer(new StaticMappingStrategy((request, channel) -> {
            if (request.getUniqueId() != null) {
                script.service(request, channel);
            }
        }));
        server.setPort(port);
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                seen.add("startup failed: " + e);
            }
        }, "agi-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    private CallResult call(CallScript script) throws IOException {
        return new FastAgiCall("127.0.0.1", port, Duration.ofSeconds(10)).place(script);
    }

    @Test
    void environmentAndRepliesAreWhatAsteriskJavaExpects() throws Exception {
        serve((AgiRequest request, AgiChannel channel) -> {
            seen.add("caller=" + request.getCallerIdNumber() + " dnid=" + request.getDnid() + " script=" + request.getScript()
                    + " context=" + request.getContext() + " uniqueid=" + request.getUniqueId());
            channel.answer();
            channel.streamFile("parley/greeting");
            seen.add("digits=" + channel.getData("parley/how-can-i-help", 5000, 4));
            seen.add("utterance=" + channel.getVariable("PARLEY_UTTERANCE"));
            channel.setVariable("PARLEY_ROUTE", "fraud");
            channel.setVariable("PARLEY_PROMPT", "transfer fraud");
        });

        CallResult result = call(CallScript.from("5551234").to("1000").uniqueId("1700000000.42").say("I lost my card"));

        assertThat(seen).containsExactly(
                "caller=5551234 dnid=1000 script=ivr context=parley-ivr uniqueid=1700000000.42",
                "digits=", "utterance=I lost my card");
        assertThat(result.ending()).isEqualTo(CallResult.Ending.RETURNED_TO_DIALPLAN);
        assertThat(result.route()).isEqualTo("fraud");
        assertThat(result.variablesSet()).containsEntry("PARLEY_PROMPT", "transfer fraud").containsEntry("AJ_AGISTATUS", "SUCCESS");
        assertThat(result.played()).containsExactly("parley/greeting", "parley/how-can-i-help");
    }

    @Test
    void keysAreReturnedByGetData() throws Exception {
        serve((request, channel) -> seen.add("digits=" + channel.getData("menu", 5000, 4)));

        call(CallScript.from("5551234").press("12"));

        assertThat(seen).containsExactly("digits=12");
    }

    @Test
    void callerHangingUpEndsInAsteriskJavasHangupException() throws Exception {
        serve((request, channel) -> {
            channel.answer();
            seen.add("getData=" + channel.getData("ask", 5000, 4));
            try {
                channel.streamFile("still-there");
            } catch (AgiHangupException e) {
                seen.add("hangup detected");
                seen.add("variable on dead channel=" + channel.getVariable("CALLERID(num)"));
                throw e;
            }
        });

        CallResult result = call(CallScript.from("5551234").hangUp());

        assertThat(seen).containsExactly("getData=-1", "hangup detected", "variable on dead channel=5551234");
        assertThat(result.ending()).isEqualTo(CallResult.Ending.CALLER_HUNG_UP);
        assertThat(result.transcript()).contains("< HANGUP", "> STREAM FILE \"still-there\" \"\"",
                "< 511 Command Not Permitted on a dead channel or intercept routine");
    }

    @Test
    void unknownCommandAndBadSyntaxGetAsterisksErrors() throws Exception {
        serve((request, channel) -> {
            try {
                channel.sendCommand(raw("LAUNCH ROCKET"));
            } catch (InvalidOrUnknownCommandException e) {
                seen.add("510");
            }
            try {
                channel.sendCommand(raw("GET DATA"));
            } catch (InvalidCommandSyntaxException e) {
                seen.add("520 " + e.getSynopsis());
            }
        });

        call(CallScript.from("5551234"));

        assertThat(seen).containsExactly("510", "520 GET DATA <file to be streamed> [timeout] [maxdigits]");
    }

    @Test
    void ivrHangupIsAcknowledgedThenTheChannelIsDead() throws Exception {
        serve((request, channel) -> {
            channel.hangup();
            try {
                channel.answer();
            } catch (AgiHangupException e) {
                seen.add("dead after hangup");
            }
        });

        CallResult result = call(CallScript.from("5551234"));

        assertThat(seen).containsExactly("dead after hangup");
        assertThat(result.ending()).isEqualTo(CallResult.Ending.HUNG_UP_BY_IVR);
    }

    private static AbstractAgiCommand raw(String line) {
        return new AbstractAgiCommand() {
            @Override
            public String buildCommand() {
                return line;
            }
        };
    }
}
