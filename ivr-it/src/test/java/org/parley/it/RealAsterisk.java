package org.parley.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * A real Asterisk 22 beside the Parley under test, started with {@code bin/parley-asterisk} (which
 * builds it once from {@code ../shared/asterisk} and installs only {@code asterisk-conf}, plus a
 * caller context), wired to the test server's FastAGI and AMI ports. Calls are placed as a PBX
 * would receive them: AMI {@code Originate} of {@code Local/<number>@parley-ivr}, the other half of
 * the Local channel being the caller ({@code [parley-test-caller]}: typed words, keys, a recording,
 * silence, or a hang-up).
 */
final class RealAsterisk implements AutoCloseable {

    static final Path SCRIPT = Path.of(System.getProperty("it.asterisk.script"));
    static final String SECRET = "it-secret";
    /** Where the PJSIP build's SIP transport listens (the shipped pjsip.conf's softphone, on loopback). */
    static final int SIP_PORT = 5062;

    /**
     * Which Asterisk: the PJSIP build or not, its home, its manager port, and the Parley nodes its dialplan calls
     * ({@code PARLEY_AGI_PORT}; {@code PARLEY_HOST_2}/{@code PARLEY_AGI_PORT_2} for a second node).
     */
    record Setup(boolean sip, Path home, int amiPort, Map<String, String> parley) {

        /** The test server's Asterisk: the ports the build gives the ITs. */
        static Setup forTheTestServer(boolean sip) {
            return new Setup(sip, RealAsterisk.home(sip), Integer.getInteger("it.ami.port"), Map.of("PARLEY_AGI_PORT", System.getProperty("it.agi.port")));
        }
    }

    private final Setup setup;
    private final boolean sip;
    private final ManagerConnection ami;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    private RealAsterisk(Setup setup, ManagerConnection ami) {
        this.setup = setup;
        this.sip = setup.sip();
        this.ami = ami;
    }

    /** Why the Asterisk could not be had, when it could not; null when it runs. */
    static String unavailable;

    /** Says on stderr, so nobody can miss it, that {@code test} is skipped and why; then skips it. */
    static void skipLoudlyUnless(boolean available, String test, String why) {
        if (!available) {
            System.err.printf("%n%s%n* SKIPPED %s: %s%n%s%n%s%n%n", "*".repeat(72), test, "this machine cannot run it.", "*".repeat(72), why);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available, () -> test + " skipped: " + why);
    }

    /** Its config, run and log directory. */
    static Path home(boolean sip) {
        return Path.of(System.getProperty("it.asterisk.home") + (sip ? "-pjsip" : ""));
    }

    /**
     * Builds (first time only) and starts the Asterisk; returns null, with {@link #unavailable} saying
     * why, when this machine cannot build or run it.
     */
    static RealAsterisk start() throws IOException, InterruptedException {
        return start(false);
    }

    /** {@code sip}: the build with PJSIP ({@code build-pjsip.sh}), which a SIP phone can call. */
    static RealAsterisk start(boolean sip) throws IOException, InterruptedException {
        return start(Setup.forTheTestServer(sip));
    }

    static RealAsterisk start(Setup setup) throws IOException, InterruptedException {
        Files.createDirectories(setup.home());
        Path log = setup.home().resolveSibling(setup.home().getFileName() + "-start.log");
        Process p = script(setup, "start").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // The first run on a machine builds Asterisk (2-8 minutes on 2 cores); later runs take a second.
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            unavailable = "bin/parley-asterisk start did not finish in 20 minutes (see " + log + ")";
            return null;
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            unavailable = "bin/parley-asterisk start failed (exit " + p.exitValue() + "); its last lines:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            return null;
        }
        ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", setup.amiPort(), "parley-caller", SECRET)
                .createManagerConnection();
        RealAsterisk asterisk = new RealAsterisk(setup, ami);
        ami.addEventListener(asterisk.events::add);
        try {
            ami.login();
        } catch (Exception e) {
            asterisk.close();
            unavailable = "Asterisk started but its manager interface refused the test's login: " + e;
            return null;
        }
        return asterisk;
    }

    /**
     * Calls the IVR from {@code number}; the caller does {@code how} ({@code say}, {@code speak},
     * {@code press}, {@code silent}, {@code hangup}) with the given channel variables.
     */
    void call(String number, String how, Map<String, String> variables) throws Exception {
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/" + number + "@parley-ivr");
        originate.setCallerId("\"IT caller\" <" + number + ">");
        originate.setContext("parley-test-caller");
        originate.setExten(how);
        originate.setPriority(1);
        originate.setVariables(variables);
        originate.setAsync(true);
        originate.setTimeout(30_000L);
        ManagerResponse response = ami.sendAction(originate, 10_000);
        if (!"Success".equalsIgnoreCase(response.getResponse())) {
            throw new IllegalStateException("Originate for " + number + " refused: " + response.getMessage());
        }
    }

    /** Manager events seen so far of this type. */
    <E extends ManagerEvent> List<E> events(Class<E> type) {
        List<E> out = new ArrayList<>();
        for (ManagerEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** An Asterisk CLI command's output. */
    String cli(String command) throws IOException, InterruptedException {
        Process p = script(setup, "cli", command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static ProcessBuilder script(Setup setup, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("PARLEY_ASTERISK_HOME", setup.home().toString());
        env.put("PARLEY_ASTERISK_SIP", setup.sip() ? "1" : "0");
        env.put("PARLEY_SIP_PORT", String.valueOf(SIP_PORT));
        env.put("PARLEY_ASTERISK_BUILD", System.getProperty(setup.sip() ? "it.asterisk.build-pjsip" : "it.asterisk.build"));
        env.putAll(setup.parley());
        env.put("PARLEY_AMI_PORT", String.valueOf(setup.amiPort()));
        env.put("PARLEY_AMI_PASSWORD", SECRET);
        return pb;
    }

    /** Asterisk's messages.log. */
    String log() throws IOException {
        Path log = setup.home().resolve("log/messages.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            ami.logoff();
        } catch (RuntimeException e) {
            // already gone
        }
        script(setup, "stop").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
    }
}
