package org.parley.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.parley.tools.sim.CallResult;
import org.parley.tools.sim.CallScript;
import org.parley.tools.sim.FastAgiCall;

/** The running server as the tests reach it: FastAGI through the simulator, the REST API, the log. */
final class ParleyServer {

    static final int AGI_PORT = Integer.getInteger("it.agi.port");
    static final int HTTP_PORT = Integer.getInteger("it.http.port");
    static final int MANAGEMENT_PORT = Integer.getInteger("it.management.port");
    static final Path SERVER_LOG = Path.of(System.getProperty("it.base.dir"), "log", "server.log");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The suite's own client: every role, an API key (what a program would use). */
    static final String ADMIN = "it-admin";
    /** The analyst who edits and publishes rules in the console and the lifecycle tests (a person: bcrypt password). */
    static final String ANALYST = "ana.lyst";
    static final String ANALYST_PASSWORD = "ana-lyst-password-1";

    private static final java.util.Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

    private ParleyServer() {
    }

    /**
     * Makes sure a user exists, created the way an operator does it: {@code bin/parley-user add} against
     * the running server. API-key users get a key derived from their name (tests only).
     */
    static synchronized String user(String name, boolean apiKey, String... roles) throws IOException, InterruptedException {
        String secret = SECRETS.get(name);
        if (secret != null) {
            return secret;
        }
        secret = apiKey ? ("it-key-" + name + "-0123456789abcdefghijklmnopqrstuvwxyz").replaceAll("[^A-Za-z0-9._~-]", "-")
                : name.equals(ANALYST) ? ANALYST_PASSWORD : name + "-password-1";
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", System.getProperty("it.user.script"), "add", name));
        for (String role : roles) {
            command.add("--role");
            command.add(role);
        }
        if (apiKey) {
            command.add("--api-key");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PARLEY_USER_PASSWORD", secret);
        builder.environment().put("PARLEY_SERVER_HOME", System.getProperty("jboss.home"));
        builder.environment().put("PARLEY_PORT_OFFSET", System.getProperty("it.port.offset"));
        builder.environment().put("PARLEY_DATA_DIR", System.getProperty("it.base.dir") + "/data");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 && !out.contains("already exists")) {
            throw new IOException("bin/parley-user add " + name + " failed:\n" + out);
        }
        SECRETS.put(name, secret);
        return secret;
    }

    /** Revokes a user with {@code bin/parley-user remove}; their credentials stop working at once. */
    static synchronized void removeUser(String name) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("it.user.script"), "remove", name).redirectErrorStream(true);
        builder.environment().put("PARLEY_SERVER_HOME", System.getProperty("jboss.home"));
        builder.environment().put("PARLEY_PORT_OFFSET", System.getProperty("it.port.offset"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("bin/parley-user remove " + name + " failed:\n" + out);
        }
    }

    /** The Basic credentials of a user (created if needed); null for none. */
    private static String authorization(String name) throws IOException, InterruptedException {
        if (name == null) {
            return null;
        }
        String secret = name.equals(ADMIN) ? user(ADMIN, true, "analyst", "publisher", "supervisor", "admin", "crm")
                : name.equals(ANALYST) ? user(ANALYST, false, "analyst", "publisher") : SECRETS.get(name);
        if (secret == null) {
            throw new IllegalStateException("create " + name + " with ParleyServer.user(...) first");
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path, String as) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path)).timeout(Duration.ofSeconds(120));
        String authorization = authorization(as);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static Reply reply(HttpResponse<String> response) {
        JsonValue body;
        try {
            body = response.body().isBlank() ? JsonValue.NULL : Json.createReader(new StringReader(response.body())).readValue();
        } catch (jakarta.json.JsonException notJson) {
            body = Json.createValue(response.body());
        }
        return new Reply(response.statusCode(), body);
    }

    /** Any request as {@code as} (null: without credentials); {@code json} null sends no body. */
    static Reply send(String method, String path, String json, String as) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, as).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static CallResult call(CallScript script) throws IOException {
        return new FastAgiCall("127.0.0.1", AGI_PORT, Duration.ofSeconds(30)).place(script);
    }

    /** A probe on the management port ({@code /health/ready}, {@code /health/live}), as Kubernetes asks: no credentials. */
    static Reply probe(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + path)).timeout(Duration.ofSeconds(30))
                .build();
        return reply(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** GET on the API as the suite's admin; returns status and parsed JSON body. */
    static Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, ADMIN);
    }

    /** POST of a JSON body on the API as the suite's admin. */
    static Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, ADMIN);
    }

    /** POST of a JSON body as {@code as}. */
    static Reply post(String path, String json, String as) throws IOException, InterruptedException {
        return send("POST", path, json, as);
    }

    /** PUT (or DELETE when {@code json} is null) on the API as the suite's admin. */
    static Reply put(String path, String json) throws IOException, InterruptedException {
        return send(json == null ? "DELETE" : "PUT", path, json, ADMIN);
    }

    /** The recorded call with this Asterisk uniqueid, with turns and decisions. */
    static JsonObject recordedCall(String uniqueId) throws IOException, InterruptedException {
        JsonArray calls = get("/api/calls?limit=500").body().asJsonArray();
        JsonObject summary = calls.stream().map(JsonValue::asJsonObject)
                .filter(c -> uniqueId.equals(c.getString("uniqueId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + uniqueId + " in /api/calls"));
        return get("/api/calls/" + summary.getJsonNumber("id").longValue()).body().asJsonObject();
    }

    /** Sends raw bytes to the FastAGI port as a non-Asterisk peer would; returns what came back before the server closed. */
    static String sendRaw(String bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", AGI_PORT)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Runs jboss-cli against the test server's management interface, as an operator would; fails the test if it fails. */
    static void cli(String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(System.getProperty("jboss.home") + "/bin/jboss-cli.sh", "--connect",
                "--controller=127.0.0.1:" + System.getProperty("it.management.port"), what).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jboss-cli " + what + " failed:\n" + out);
        }
    }

    static String serverLog() throws IOException {
        return Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
    }

    /** An HTTP status and JSON body. */
    record Reply(int status, JsonValue body) {
    }
}
