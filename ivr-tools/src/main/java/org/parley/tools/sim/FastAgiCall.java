package org.parley.tools.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places one call on a FastAGI server as Asterisk's {@code AGI(agi://host:port/script)} does: sends
 * the {@code agi_*} environment ended by a blank line, then answers each command line until the
 * server closes the connection.
 */
public final class FastAgiCall {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String host;
    private final int port;
    private final Duration idleTimeout;

    /** {@code idleTimeout}: how long to wait for the IVR's next command before giving up. */
    public FastAgiCall(String host, int port, Duration idleTimeout) {
        this.host = host;
        this.port = port;
        this.idleTimeout = idleTimeout;
    }

    public CallResult place(CallScript script) throws IOException {
        long seq = SEQUENCE.incrementAndGet();
        // Asterisk's form, <epoch seconds>.<channel sequence>; the pid keeps concurrent simulators apart.
        String uniqueId = script.uniqueId() != null ? script.uniqueId()
                : (System.currentTimeMillis() / 1000) + "." + (ProcessHandle.current().pid() % 100_000 * 100_000 + seq);
        String channelName = String.format("PJSIP/%s-%08x", script.callerNumber().isEmpty() ? "anonymous" : script.callerNumber(), seq);
        SimulatedChannel channel = new SimulatedChannel(script, uniqueId, channelName);
        List<String> transcript = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Duration.ofSeconds(5).toMillis());
            socket.setSoTimeout((int) idleTimeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            send(out, environment(script, uniqueId, channelName) + "\n");
            CallResult.Ending ending;
            long inputSent = 0;
            double decisionMillis = Double.NaN;
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (SocketTimeoutException e) {
                    ending = CallResult.Ending.TIMED_OUT;
                    break;
                }
                if (line == null) {
                    ending = channel.ending() != null ? channel.ending() : CallResult.Ending.RETURNED_TO_DIALPLAN;
                    break;
                }
                if (inputSent != 0 && Double.isNaN(decisionMillis) && setsRoute(line)) {
                    decisionMillis = (System.nanoTime() - inputSent) / 1e6;
                } else if (plays(line)) {
                    inputSent = 0; // a prompt between the answer and the route (a callback offer): not the decision's time
                }
                transcript.add("> " + line);
                List<String> reply = channel.handle(line);
                reply.forEach(r -> transcript.add("< " + r));
                send(out, String.join("\n", reply) + "\n");
                if (channel.repliedWithInput()) {
                    inputSent = System.nanoTime();
                }
            }
            return new CallResult(uniqueId, ending, channel.variablesSet(), channel.played(), transcript, decisionMillis);
        }
    }

    /** Whether the command plays something to the caller (the channel holds it for the prompt's time). */
    private static boolean plays(String line) {
        List<String> words = AgiArguments.split(line);
        String command = words.isEmpty() ? "" : words.get(0).toUpperCase(Locale.ROOT);
        return command.equals("STREAM") || command.equals("GET") && words.size() > 1 && words.get(1).equalsIgnoreCase("DATA")
                || command.equals("EXEC") || command.equals("RECORD");
    }

    /** Whether the command sets {@code PARLEY_ROUTE} (asterisk-java quotes its arguments: read as parsed, not as text). */
    private static boolean setsRoute(String line) {
        if (!line.regionMatches(true, 0, "SET VARIABLE", 0, "SET VARIABLE".length())) {
            return false;
        }
        List<String> words = AgiArguments.split(line);
        return words.size() >= 3 && words.get(2).equals("PARLEY_ROUTE");
    }

    /** The environment block, field for field in the order Asterisk's res_agi writes it. */
    private String environment(CallScript script, String uniqueId, String channelName) {
        String caller = script.callerNumber().isEmpty() ? "unknown" : script.callerNumber();
        StringBuilder env = new StringBuilder();
        env.append("agi_network: yes\n");
        env.append("agi_network_script: ").append(script.scriptPath()).append('\n');
        env.append("agi_request: agi://").append(host).append(':').append(port).append('/').append(script.scriptPath()).append('\n');
        env.append("agi_channel: ").append(channelName).append('\n');
        env.append("agi_language: ").append(script.language()).append('\n');
        env.append("agi_type: PJSIP\n");
        env.append("agi_uniqueid: ").append(uniqueId).append('\n');
        env.append("agi_version: 20.5.0\n");
        env.append("agi_callerid: ").append(caller).append('\n');
        env.append("agi_calleridname: unknown\n");
        env.append("agi_callingpres: 0\n");
        env.append("agi_callingani2: 0\n");
        env.append("agi_callington: 0\n");
        env.append("agi_callingtns: 0\n");
        env.append("agi_dnid: ").append(script.dialedNumber()).append('\n');
        env.append("agi_rdnis: unknown\n");
        env.append("agi_context: parley-ivr\n");
        env.append("agi_extension: ").append(script.dialedNumber()).append('\n');
        env.append("agi_priority: 2\n");
        env.append("agi_enhanced: 0.0\n");
        env.append("agi_accountcode: \n");
        env.append("agi_threadid: ").append(Thread.currentThread().getId()).append('\n');
        return env.toString();
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
