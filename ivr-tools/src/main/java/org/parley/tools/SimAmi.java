package org.parley.tools;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.tools.sim.AmiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley sim ami}: Asterisk's manager interface for a Parley without a real Asterisk. Each
 * line on standard input is an event sent to the logged-in Parley, e.g.
 * {@code QueueCallerJoin Queue=cards Count=3}; end with Ctrl-D.
 */
@Command(name = "ami", mixinStandardHelpOptions = true,
        description = "Serve Asterisk's manager interface (AMI) to Parley; each input line is an event: Name Key=Value ...")
final class SimAmi implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "5038", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--username", defaultValue = "parley", description = "Manager user Parley logs in as (default ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--secret", required = true, description = "Its secret (Parley's parley.ami.password).")
    String secret;

    @Override
    public Integer call() throws Exception {
        try (AmiServer ami = new AmiServer(port, username, secret)) {
            System.out.printf("AMI simulator on 127.0.0.1:%d; start Parley with PARLEY_AMI_HOST=127.0.0.1 PARLEY_AMI_PORT=%d"
                    + " PARLEY_AMI_PASSWORD=<secret>%nType events, e.g.: QueueCallerJoin Queue=cards Count=3 (Ctrl-D ends)%n", ami.port(), ami.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 0 || parts[0].isEmpty() || parts[0].startsWith("#")) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                boolean ok = true;
                for (int i = 1; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq <= 0) {
                        System.err.printf("line %d: '%s' is not Key=Value; event not sent%n", lineNumber, parts[i]);
                        ok = false;
                        break;
                    }
                    fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
                if (ok) {
                    ami.emit(parts[0], fields);
                    System.out.printf("sent %s to %d client(s)%n", parts[0], ami.loggedIn());
                }
            }
        }
        return 0;
    }
}
