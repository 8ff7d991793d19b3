package org.parley.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver HTTP protocol, with nothing but
 * java.net.http: start a session, open a page, find elements by CSS, click, type, read text and run
 * a script. Chromium and chromedriver come from Debian (src/test/scripts/install-browser.sh).
 */
final class Browser implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final Path profile;
    private final String base;
    private final String session;

    private Browser(Process driver, Path profile, String base, String session) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.session = session;
    }

    static Browser start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("chromedriver", ".log");
        Process driver = new ProcessBuilder("chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            // not listening yet is an IOException: keep asking; a driver that died is not coming
            org.awaitility.Awaitility.await("chromedriver ready").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> !driver.isAlive() || send("GET", base + "/status", null).getJsonObject("value").getBoolean("ready"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below with the driver's log
        }
        if (!driver.isAlive() || !ready(base)) {
            driver.destroyForcibly();
            throw new IllegalStateException("chromedriver did not start: " + Files.readString(log));
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        JsonObject capabilities = Json.createObjectBuilder().add("capabilities", Json.createObjectBuilder().add("alwaysMatch",
                Json.createObjectBuilder().add("browserName", "chrome").add("goog:chromeOptions", Json.createObjectBuilder()
                        .add("binary", chromium())
                        .add("args", Json.createArrayBuilder().add("--headless").add("--no-sandbox").add("--disable-gpu")
                                .add("--disable-quic").add("--no-first-run").add("--disable-background-networking")
                                .add("--disable-component-update").add("--disable-sync").add("--disable-dev-shm-usage")
                                .add("--window-size=1400,1000").add("--user-data-dir=" + profile))))).build();
        JsonObject created = send("POST", base + "/session", capabilities.toString());
        String session = created.getJsonObject("value").getString("sessionId");
        return new Browser(driver, profile, base, session);
    }

    private static String chromium() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Chromium found; run ivr-it/src/test/scripts/install-browser.sh");
    }

    void open(String url) throws IOException, InterruptedException {
        command("POST", "/url", Json.createObjectBuilder().add("url", url).build());
    }

    /** Runs JavaScript in the page ({@code arguments[i]} are the args); returns its JSON result. */
    JsonValue script(String js, Object... args) throws IOException, InterruptedException {
        var array = Json.createArrayBuilder();
        for (Object a : args) {
            array.add(String.valueOf(a));
        }
        return command("POST", "/execute/sync", Json.createObjectBuilder().add("script", js).add("args", array).build());
    }

    private static boolean ready(String base) {
        try {
            return send("GET", base + "/status", null).getJsonObject("value").getBoolean("ready");
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    /** Waits until the script returns true. */
    void waitFor(String what, String js, Duration timeout) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> script(js) == JsonValue.TRUE);
    }

    String find(String css) throws IOException, InterruptedException {
        JsonObject found = command("POST", "/element",
                Json.createObjectBuilder().add("using", "css selector").add("value", css).build()).asJsonObject();
        return found.getString(ELEMENT);
    }

    void click(String css) throws IOException, InterruptedException {
        command("POST", "/element/" + find(css) + "/click", Json.createObjectBuilder().build());
    }

    void type(String css, String text) throws IOException, InterruptedException {
        command("POST", "/element/" + find(css) + "/value", Json.createObjectBuilder().add("text", text).build());
    }

    String text(String css) throws IOException, InterruptedException {
        return ((jakarta.json.JsonString) command("GET", "/element/" + find(css) + "/text", null)).getString();
    }

    JsonArray texts(String css) throws IOException, InterruptedException {
        return script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", css).asJsonArray();
    }

    private JsonValue command(String method, String path, JsonObject body) throws IOException, InterruptedException {
        return send(method, base + "/session/" + session + path, body == null ? null : body.toString()).get("value");
    }

    private static JsonObject send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + url + " failed: " + response.statusCode() + " " + json);
        }
        return json;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            send("DELETE", base + "/session/" + session, null);
        } catch (IOException | RuntimeException e) {
            // the browser is going away anyway
        } finally {
            driver.destroy();
            if (!driver.waitFor(5, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
