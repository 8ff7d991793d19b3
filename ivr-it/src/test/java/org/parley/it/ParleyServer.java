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
    static final Path SERVER_LOG = Path.of(System.getProperty("it.base.dir"), "log", "server.log");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ParleyServer() {
    }

    static CallResult call(CallScript script) throws IOException {
        return new FastAgiCall("127.0.0.1", AGI_PORT, Duration.ofSeconds(30)).place(script);
    }

    /** GET on the API; returns status and parsed JSON body. */
    static Reply get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonValue body = response.body().isBlank() ? JsonValue.NULL : Json.createReader(new StringReader(response.body())).readValue();
        return new Reply(response.statusCode(), body);
    }

    /** POST of a JSON body on the API; returns status and parsed JSON body. */
    static Reply post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonValue body = response.body().isBlank() ? JsonValue.NULL : Json.createReader(new StringReader(response.body())).readValue();
        return new Reply(response.statusCode(), body);
    }

    /** PUT (or DELETE when {@code json} is null) on the API; returns status and parsed JSON body. */
    static Reply put(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Content-Type", "application/json");
        request = json == null ? request.DELETE() : request.PUT(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonValue body = response.body().isBlank() ? JsonValue.NULL : Json.createReader(new StringReader(response.body())).readValue();
        return new Reply(response.statusCode(), body);
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

    static String serverLog() throws IOException {
        return Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
    }

    /** An HTTP status and JSON body. */
    record Reply(int status, JsonValue body) {
    }
}
