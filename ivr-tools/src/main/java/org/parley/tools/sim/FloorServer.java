package org.parley.tools.sim;

import java.io.IOException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.StaticMappingStrategy;

/**
 * The floor for Parley's latency: asterisk-java's own {@link DefaultAgiServer} (a thread per call, as Parley's
 * FastAGI server is) running a script with the AGI round trips of one of Parley's routed text calls and no work
 * between them — what the protocol, the threads and the machine cost before Parley decides anything. {@code sim
 * load} against it and against Parley, on the same machine in the same run, gives Parley's ratio to the floor.
 */
public final class FloorServer {

    private final DefaultAgiServer server;

    public FloorServer(int port, int maxCalls) {
        server = new DefaultAgiServer(new StaticMappingStrategy(FloorServer::service));
        server.setPort(port);
        server.setPoolSize(Math.min(100, maxCalls));
        server.setMaximumPoolSize(maxCalls);
    }

    /** Serves until the process ends. */
    public void serve() throws IOException {
        server.startup();
    }

    /** The round trips of Parley's text call that is routed at its first answer, in Parley's order. */
    private static void service(AgiRequest request, AgiChannel channel) throws AgiException {
        if (request.getUniqueId() == null) {
            return; // a port probe, not a call
        }
        channel.getVariable("PARLEY_INPUT");
        channel.answer();
        channel.streamFile("parley/greeting");
        channel.getData("parley/how-can-i-help", 300, 1);
        channel.getVariable("PARLEY_UTTERANCE");
        channel.setVariable("PARLEY_UTTERANCE", "");
        channel.setVariable("PARLEY_PROMPT", "parley/transfer-fraud");
        channel.setVariable("PARLEY_QUEUE", "fraud");
        channel.setVariable("PARLEY_PRIORITY", "1");
        channel.setVariable("PARLEY_ROUTE", "fraud");
    }
}
