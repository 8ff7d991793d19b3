package org.parley.camel.fastagi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The FastAGI listening socket with the limits asterisk-java's own has not: connections only from the
 * configured Asterisk hosts (others are closed before a byte is read), lines of at most
 * {@link Limits#maxLineBytes} and an AGI environment of at most {@link Limits#maxEnvironmentLines}
 * lines, and a read timeout on every line. asterisk-java reads lines through {@link SocketConnectionFacade},
 * so this is where a limit can hold; written by hand because its implementation reads without bounds.
 */
final class GuardedServerSocket implements ServerSocketFacade {

    private static final System.Logger LOG = System.getLogger(GuardedServerSocket.class.getName());

    /** Per-connection limits. */
    record Limits(int maxLineBytes, int maxEnvironmentLines) {
    }

    private final ServerSocket socket;
    private final Predicate<InetAddress> allowedPeer;
    /** Logs each refused host once a minute. */
    private final Predicate<InetAddress> logRefusal;
    private final Limits limits;
    /** True while the node is drained: new calls are closed at once so that Asterisk tries the next node. */
    private final BooleanSupplier refusingCalls;
    private volatile int readTimeoutMillis;
    private boolean saidRefusing;

    GuardedServerSocket(ServerSocket socket, Predicate<InetAddress> allowedPeer, Limits limits) {
        this(socket, allowedPeer, () -> false, limits);
    }

    GuardedServerSocket(ServerSocket socket, Predicate<InetAddress> allowedPeer, BooleanSupplier refusingCalls, Limits limits) {
        this.socket = socket;
        this.allowedPeer = allowedPeer;
        this.logRefusal = allowedPeer instanceof org.parley.camel.net.AllowedPeers peers ? peers::logRefusal : peer -> true;
        this.refusingCalls = refusingCalls;
        this.limits = limits;
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket client = socket.accept();
            if (refusingCalls.getAsBoolean()) {
                if (!saidRefusing) {
                    LOG.log(Level.INFO, "The server is suspended (drained): new calls are refused, so Asterisk sends them to the next node;"
                            + " calls in progress go on");
                    saidRefusing = true;
                }
                client.close();
                continue;
            }
            saidRefusing = false;
            if (allowedPeer.test(client.getInetAddress())) {
                client.setSoTimeout(readTimeoutMillis);
                client.setTcpNoDelay(true);
                return new Connection(client, limits);
            }
            if (logRefusal.test(client.getInetAddress())) {
                LOG.log(Level.WARNING, "FastAGI connection from {0} refused: not one of the Asterisk hosts in parley.asterisk.allowed-hosts"
                        + " (logged once a minute per host)", client.getInetAddress().getHostAddress());
            }
            client.close();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public void setSocketReadTimeout(int timeout) {
        this.readTimeoutMillis = timeout;
    }

    /** One AGI connection: bounded lines in, lines out. */
    static final class Connection implements SocketConnectionFacade {

        private final Socket socket;
        private final Limits limits;
        private final InputStream in;
        private final OutputStream out;
        private boolean inEnvironment = true;
        private int environmentLines;

        Connection(Socket socket, Limits limits) throws IOException {
            this(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream(), limits);
        }

        /** Over given streams ({@code socket} may be null: the fuzz test reads bytes, not a network). */
        Connection(Socket socket, InputStream in, OutputStream out, Limits limits) {
            this.socket = socket;
            this.limits = limits;
            this.in = in;
            this.out = out;
        }

        @Override
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return line.size() == 0 ? null : finish(line);
                }
                if (b == '\n') {
                    return finish(line);
                }
                if (line.size() >= limits.maxLineBytes()) {
                    throw new IOException("FastAGI peer " + peer() + " sent a line longer than " + limits.maxLineBytes()
                            + " bytes; closing (Asterisk's lines are far shorter)");
                }
                line.write(b);
            }
        }

        private String finish(ByteArrayOutputStream bytes) throws IOException {
            String line = bytes.toString(StandardCharsets.UTF_8);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (inEnvironment) {
                if (line.isEmpty()) {
                    inEnvironment = false;
                } else if (++environmentLines > limits.maxEnvironmentLines()) {
                    throw new IOException("FastAGI peer " + peer() + " sent more than " + limits.maxEnvironmentLines()
                            + " environment lines; closing (Asterisk sends about 30)");
                }
            }
            return line;
        }

        private String peer() {
            return socket == null ? "(stream)" : socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        }

        @Override
        public void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }

        @Override
        public boolean isConnected() {
            return socket == null || socket.isConnected() && !socket.isClosed();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket == null ? InetAddress.getLoopbackAddress() : socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket == null ? 0 : socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket == null ? InetAddress.getLoopbackAddress() : socket.getInetAddress();
        }

        @Override
        public int getRemotePort() {
            return socket == null ? 0 : socket.getPort();
        }
    }
}
