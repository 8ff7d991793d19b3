package org.parley.tools;

import java.time.Duration;
import org.parley.tools.sim.FastAgiCall;
import picocli.CommandLine.Option;

/** Where the simulator calls: Parley's FastAGI host and port (options shared by the sim commands). */
final class AgiTarget {

    @Option(names = "--host", defaultValue = "${env:PARLEY_AGI_HOST:-127.0.0.1}", description = "FastAGI host (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:PARLEY_AGI_PORT:-4573}", description = "FastAGI port (default ${DEFAULT-VALUE}).")
    int port;

    FastAgiCall caller(Duration idleTimeout) {
        return new FastAgiCall(host, port, idleTimeout);
    }
}
