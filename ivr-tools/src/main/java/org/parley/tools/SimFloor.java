package org.parley.tools;

import java.util.concurrent.Callable;
import org.parley.tools.sim.FloorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley sim floor}: asterisk-java's bare FastAGI server, the floor {@code sim load} compares Parley with. */
@Command(name = "floor", mixinStandardHelpOptions = true,
        description = "Serve FastAGI with asterisk-java's DefaultAgiServer and a script of Parley's round trips and no work:"
                + " run sim load against it for the floor Parley's latency is compared with.")
final class SimFloor implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "4599", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-calls", defaultValue = "10000", description = "Calls served at once: the thread pool's limit (default ${DEFAULT-VALUE}).")
    int maxCalls;

    @Override
    public Integer call() throws Exception {
        System.out.println("floor: asterisk-java DefaultAgiServer on port " + port + " (up to " + maxCalls + " calls at once)");
        new FloorServer(port, maxCalls).serve();
        return 0;
    }
}
