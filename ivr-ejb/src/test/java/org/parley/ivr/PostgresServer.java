package org.parley.ivr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the persistence tests run on with {@code -Dparley.test.db=postgresql}: started once per
 * test JVM with {@code bin/parley-postgres} (Debian's server, installed when missing, a cluster of its own under
 * {@code target/}) and stopped when the JVM ends. Where it cannot be had, the tests say so loudly and are skipped.
 */
public final class PostgresServer {

    private static PostgresServer instance;
    private static String unavailable;

    private final Path script;
    private final Map<String, String> environment;
    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(Path script, Map<String, String> environment, Map<String, String> printed) {
        this.script = script;
        this.environment = environment;
        this.url = printed.get("PARLEY_DB_URL");
        this.user = printed.get("PARLEY_DB_USER");
        this.password = printed.get("PARLEY_DB_PASSWORD");
    }

    /** The running server; skips the calling test (loudly) when there can be none here. */
    public static synchronized PostgresServer get() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-postgresql"));
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
                System.err.println("\n*** SKIPPED: the PostgreSQL tests need a PostgreSQL server and none could be started here: "
                        + unavailable + "\n*** (bin/parley-postgres installs Debian's postgresql; without apt-get install PostgreSQL 15+)\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted";
            }
        }
        Assumptions.assumeTrue(instance != null, () -> "no PostgreSQL here: " + unavailable);
        return instance;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("parley.postgres.script", "../bin/parley-postgres"));
        Map<String, String> environment = Map.of("PARLEY_PG_HOME", System.getProperty("parley.postgres.home", "target/postgresql"),
                "PARLEY_PG_PORT", System.getProperty("parley.postgres.port", "15433"));
        Process process = run(script, environment, "start");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(script + " start failed: " + err.strip());
        }
        Map<String, String> printed = new HashMap<>();
        out.lines().filter(line -> line.contains("=")).forEach(line -> printed.put(line.substring(0, line.indexOf('=')),
                line.substring(line.indexOf('=') + 1)));
        if (!printed.containsKey("PARLEY_DB_URL")) {
            throw new IOException(script + " start printed no PARLEY_DB_URL: " + out);
        }
        return new PostgresServer(script, environment, printed);
    }

    private static Process run(Path script, Map<String, String> environment, String command) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IOException("no " + script);
        }
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The JDBC URL of Parley's database on this server. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Persistence-unit settings for a new, empty schema of that name (tests never see each other's rows). */
    public Map<String, Object> newSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return Map.of("jakarta.persistence.jdbc.url", url + "?currentSchema=" + schema, "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password);
    }

    /** Stops the server (fast shutdown: open connections are cut), as a crash or failover looks to Parley. */
    public void halt() throws IOException, InterruptedException {
        control("stop");
    }

    /** Starts it again after {@link #halt}. */
    public void resume() throws IOException, InterruptedException {
        control("start");
    }

    private void control(String command) throws IOException, InterruptedException {
        Process process = run(script, environment, command);
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(script + " " + command + " failed: "
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    private void stop() {
        try {
            run(script, environment, "stop").waitFor(1, TimeUnit.MINUTES);
        } catch (IOException e) {
            System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
