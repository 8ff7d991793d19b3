package org.parley.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SIP phone: Debian's baresip, registered to the test Asterisk as the shipped pjsip.conf's
 * softphone, sending a WAV file as its microphone (RTP, G.711 u-law) and keys as RFC 4733 events.
 * Driven through its UDP console ({@code /dial}, {@code /sndcode}, {@code /quit}). No sound card:
 * no player module is loaded.
 */
final class SipPhone implements AutoCloseable {

    static final int PHONE_PORT = 5070;
    static final int CONSOLE_PORT = 5555;

    private final Process process;
    private final Path dir;

    private SipPhone(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Whether baresip is installed (the test installs Debian's baresip-core when it is not). */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/baresip")) && Files.isDirectory(Path.of("/usr/lib/baresip/modules"));
    }

    /** Installs baresip-core with apt-get; returns why not when it cannot. */
    static String install() throws IOException, InterruptedException {
        if (installed()) {
            return null;
        }
        Process p = new ProcessBuilder("bash", "-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends baresip-core"
                + " >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q"
                + " --no-install-recommends baresip-core >/dev/null 2>&1; }").redirectErrorStream(true).start();
        p.waitFor(10, TimeUnit.MINUTES);
        return installed() ? null : "Debian's baresip-core is not installed and apt-get could not install it";
    }

    /** Starts the phone, registered as {@code user} with {@code password}, its microphone playing {@code microphone} (8 kHz WAV). */
    static SipPhone start(Path dir, String user, String password, Path microphone) throws IOException {
        Files.createDirectories(dir.resolve("rx"));
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1:" + RealAsterisk.SIP_PORT + ">;auth_pass=" + password
                + ";regint=600;audio_codecs=PCMU\n");
        Files.write(dir.resolve("config"), List.of(
                "sip_listen        127.0.0.1:" + PHONE_PORT,
                "audio_source      aufile," + microphone.toAbsolutePath(),
                "ausrc_srate       8000",
                "ausrc_channels    1",
                "rtp_ports         30000-30100",
                "module_path       /usr/lib/baresip/modules",
                "module            cons.so",
                "module            g711.so",
                "module            aufile.so",
                "module_tmp        uuid.so",
                "module_tmp        account.so",
                "module_app        menu.so",
                "cons_listen       127.0.0.1:" + CONSOLE_PORT,
                "statmode_default  off"), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("baresip", "-f", dir.toString(), "-t", "300").redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        return new SipPhone(p, dir);
    }

    /** A console command, e.g. {@code /dial sip:100@127.0.0.1:5062}. */
    void command(String command) throws IOException {
        byte[] line = (command + "\n").getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(line, line.length, InetAddress.getLoopbackAddress(), CONSOLE_PORT));
        }
    }

    String log() throws IOException {
        Path log = dir.resolve("baresip.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            command("/quit");
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
