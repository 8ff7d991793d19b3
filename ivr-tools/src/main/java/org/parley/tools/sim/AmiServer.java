package org.parley.tools.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Asterisk Manager Interface as Asterisk speaks it, for tests and demonstrations: the banner
 * line {@code Asterisk Call Manager/9.0.0}, packets of {@code Key: Value} lines ended by a blank
 * line (CRLF), {@code Challenge}/{@code Login} (MD5 key or plain secret), {@code Response: Error}
 * with {@code Authentication failed} on bad credentials, {@code ActionID} echoed on every response,
 * {@code Ping}, {@code Command core show version}, {@code Originate}, {@code Logoff}; events are
 * sent to every logged-in client with {@link #emit}. {@link #dropConnections} cuts every link, as a
 * restarted Asterisk would.
 */
public final class AmiServer implements AutoCloseable {

    public static final String BANNER = "Asterisk Call Manager/9.0.0";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> originated = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final Map<String, Boolean> refused = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public AmiServer(int port, String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ami-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Successful logins so far (a reconnecting client logs in again). */
    public int logins() {
        return logins.get();
    }

    /** Clients logged in now. */
    public int loggedIn() {
        return (int) clients.stream().filter(c -> c.authenticated).count();
    }

    /** Originate actions received, as their fields. */
    public List<Map<String, String>> originated() {
        return List.copyOf(originated);
    }

    /** Sends an event ({@code Event} first, then the fields) to every logged-in client. */
    public void emit(String event, Map<String, String> fields) {
        Map<String, String> packet = new LinkedHashMap<>();
        packet.put("Event", event);
        packet.put("Privilege", "agent,all");
        packet.putAll(fields);
        for (Client c : clients) {
            if (c.authenticated) {
                c.send(packet);
            }
        }
    }

    /** Closes every client connection (the server keeps listening). */
    public void dropConnections() {
        for (Client c : clients) {
            c.close();
        }
        clients.clear();
    }

    @Override
    public void close() throws IOException {
        running = false;
        dropConnections();
        server.close();
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                Client client = new Client(socket);
                clients.add(client);
                Thread t = new Thread(client::serve, "ami-sim-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) {
                    System.err.println("AMI simulator: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private final class Client {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean authenticated;
        private String challenge;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void serve() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write(BANNER + "\r\n");
                Map<String, String> packet = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!packet.isEmpty() && !handle(packet)) {
                            break;
                        }
                        packet = new LinkedHashMap<>();
                        continue;
                    }
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        packet.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                    }
                }
            } catch (IOException e) {
                // the client went away or the link was cut
            } finally {
                clients.remove(this);
                close();
            }
        }

        /** Returns false when the connection must end (Logoff). */
        private boolean handle(Map<String, String> action) {
            String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            String id = action.get("actionid");
            Map<String, String> reply = new LinkedHashMap<>();
            switch (name) {
                case "challenge" -> {
                    challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                    reply.put("Response", "Success");
                    reply.put("Challenge", challenge);
                }
                case "login" -> {
                    if (credentialsOk(action)) {
                        authenticated = true;
                        logins.incrementAndGet();
                        reply.put("Response", "Success");
                        reply.put("Message", "Authentication accepted");
                    } else {
                        refused.put(String.valueOf(action.get("username")), true);
                        reply.put("Response", "Error");
                        reply.put("Message", "Authentication failed");
                    }
                }
                case "logoff" -> {
                    reply.put("Response", "Goodbye");
                    reply.put("Message", "Thanks for all the fish.");
                    send(withId(reply, id));
                    return false;
                }
                default -> {
                    if (!authenticated) {
                        reply.put("Response", "Error");
                        reply.put("Message", "Permission denied");
                    } else if (name.equals("ping")) {
                        reply.put("Response", "Success");
                        reply.put("Ping", "Pong");
                        reply.put("Timestamp", String.format(Locale.ROOT, "%.6f", System.currentTimeMillis() / 1000.0));
                    } else if (name.equals("command") && action.getOrDefault("command", "").startsWith("core show version")) {
                        reply.put("Response", "Success");
                        reply.put("Message", "Command output follows");
                        reply.put("Output", "Asterisk 20.5.0 built by parley @ simulator on a x86_64 running Linux");
                    } else if (name.equals("queuestatus")) {
                        // Asterisk answers, then sends a QueueParams (and QueueMember, QueueEntry) event per queue and
                        // QueueStatusComplete; the simulator has no queues of its own.
                        reply.put("Response", "Success");
                        reply.put("EventList", "start");
                        reply.put("Message", "Queue status will follow");
                        send(withId(reply, id));
                        Map<String, String> complete = new LinkedHashMap<>();
                        complete.put("Event", "QueueStatusComplete");
                        if (id != null) {
                            complete.put("ActionID", id);
                        }
                        complete.put("EventList", "Complete");
                        complete.put("ListItems", "0");
                        send(complete);
                        return true;
                    } else if (name.equals("originate")) {
                        originated.add(Map.copyOf(action));
                        reply.put("Response", "Success");
                        reply.put("Message", "Originate successfully queued");
                    } else {
                        reply.put("Response", "Error");
                        reply.put("Message", "Invalid/unknown command");
                    }
                }
            }
            send(withId(reply, id));
            if (name.equals("login") && authenticated) {
                Map<String, String> booted = new LinkedHashMap<>();
                booted.put("Event", "FullyBooted");
                booted.put("Privilege", "system,all");
                booted.put("Status", "Fully Booted");
                send(booted);
            }
            return true;
        }

        private boolean credentialsOk(Map<String, String> login) {
            if (!username.equals(login.get("username"))) {
                return false;
            }
            if ("md5".equalsIgnoreCase(login.get("authtype"))) {
                return challenge != null && md5(challenge + secret).equals(login.get("key"));
            }
            return secret.equals(login.get("secret"));
        }

        private Map<String, String> withId(Map<String, String> reply, String id) {
            if (id == null) {
                return reply;
            }
            Map<String, String> withId = new LinkedHashMap<>();
            withId.put("Response", reply.remove("Response"));
            withId.put("ActionID", id);
            withId.putAll(reply);
            return withId;
        }

        synchronized void send(Map<String, String> packet) {
            StringBuilder s = new StringBuilder();
            packet.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
            s.append("\r\n");
            write(s.toString());
        }

        private synchronized void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unused fields kept for diagnostics: who was refused. */
    public List<String> refusedUsers() {
        return new ArrayList<>(refused.keySet());
    }

}
