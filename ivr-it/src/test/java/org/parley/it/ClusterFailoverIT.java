package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Parley nodes as one cluster ({@code standalone-ha.xml}: JGroups over TCP with TCPPING, the dialog state in a
 * distributed cache) on a real PostgreSQL, behind the real Asterisk running the shipped dialplan with
 * {@code PARLEY_HOST_2}: a rule set published on one node serves on the other (loaded from the compiled form the
 * publishing node stored); the node that has a call is killed with SIGKILL while it listens to the caller, and the other
 * node carries the call on and routes it — one call record, its turns numbered on, ended by the surviving node. Before
 * that, a node drained with {@code bin/parley-drain} (WildFly's suspend) takes no new call, the other node does, and
 * once resumed it takes calls again.
 *
 * <p>Not an Arquillian test: the nodes are WildFly processes started from the provisioned server, as an operator
 * starts them, so that one can be killed outright (Arquillian's managed container stops its server politely).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final Path SERVER = Path.of(System.getProperty("jboss.home"));
    private static final Path WORK = Path.of(System.getProperty("it.cluster.dir"));
    private static final Path POSTGRES = Path.of(System.getProperty("it.postgres.script"));
    private static final Map<String, String> POSTGRES_ENV = Map.of("PARLEY_PG_HOME", WORK.resolve("postgresql").toString(),
            "PARLEY_PG_PORT", System.getProperty("it.cluster.postgres.port"));

    private static Node nodeA;
    private static Node nodeB;
    private static RealAsterisk asterisk;
    private static String unavailable;

    /** One WildFly of the cluster, with its own base dir (configuration, deployment, data, log) and port offset. */
    private record Node(String name, int offset, Process process) {

        int agiPort() {
            return 15_073 + offset;
        }

        /** SIGKILL to WildFly's JVM (standalone.sh's child) and the script: nothing of the node runs any more. */
        void kill() {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        void stop() throws InterruptedException {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        boolean ready() {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (9990 + offset) + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @BeforeAll
    static void startTheCluster() throws Exception {
        Files.createDirectories(WORK);
        Process pg = postgres("start");
        if (!pg.waitFor(10, TimeUnit.MINUTES) || pg.exitValue() != 0) {
            unavailable = "bin/parley-postgres start failed: " + new String(pg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> db = new java.util.HashMap<>();
        for (String line : output(postgres("env")).split("\n")) {
            if (line.startsWith("export ")) {
                String[] kv = line.substring("export ".length()).split("=", 2);
                db.put(kv[0], kv[1]);
            }
        }
        // An empty schema: the nodes' Flyway makes it, and the one that loses the race for the first rule set serves the other's.
        output(postgres("psql", "-q", "-c", "drop schema public cascade; create schema public;"));
        String members = "127.0.0.1[" + (7600 + 300) + "],127.0.0.1[" + (7600 + 400) + "]";
        nodeA = start("cluster-a", 300, db, members);
        // Node B joins once node A's channel is up: two nodes forming the cluster in the same second once left node A's
        // Infinispan waiting 240 s for an answer from B while starting its caches (ISPN000476) on these busy two cores.
        // They still start their deployments together (the race for the first rule set is still run).
        await("node A's JGroups channel").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.exists(WORK.resolve("cluster-a.log"))
                        && Files.readString(WORK.resolve("cluster-a.log")).contains("Connected 'ee' channel"));
        nodeB = start("cluster-b", 400, db, members);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> nodeA.ready() && nodeB.ready());

        RealAsterisk.Setup setup = new RealAsterisk.Setup(false, Path.of(System.getProperty("it.asterisk.home") + "-cluster"),
                Integer.getInteger("it.cluster.ami.port"), Map.of("PARLEY_HOST", "127.0.0.1", "PARLEY_AGI_PORT",
                String.valueOf(nodeA.agiPort()), "PARLEY_HOST_2", "127.0.0.1", "PARLEY_AGI_PORT_2", String.valueOf(nodeB.agiPort())));
        asterisk = RealAsterisk.start(setup);
        if (asterisk == null) {
            unavailable = RealAsterisk.unavailable;
        }
    }

    private static Node start(String name, int offset, Map<String, String> db, String members) throws IOException {
        Path base = WORK.resolve(name);
        deleteTree(base);
        Files.createDirectories(base.resolve("deployments"));
        copyTree(SERVER.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.copy(SERVER.resolve("standalone/deployments/parley.ear"), base.resolve("deployments/parley.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        addPublisher(base.resolve("data"));
        List<String> command = new ArrayList<>(List.of(SERVER.resolve("bin/standalone.sh").toString(), "-c", "standalone-ha.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name, "-Djboss.socket.binding.port-offset=" + offset,
                "-Dparley.agi.port=" + (15_073 + offset), "-Dparley.agi.bind-address=127.0.0.1",
                "-Dparley.audiosocket.port=" + (15_092 + offset), "-Dparley.audiosocket.bind-address=127.0.0.1",
                "-Dparley.clock.fixed=2026-01-07T10:00", "-Dparley.speech.decoders=1",
                // A silent caller is asked again sooner: the test waits less for the turns after the failover.
                "-Dparley.dialog.input-timeout-ms=2500"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(WORK.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.putAll(db);
        env.put("PARLEY_DB_DRIVER", "postgresql");
        env.put("PARLEY_CLUSTER_MEMBERS", members);
        env.put("PARLEY_NODE_ID", name);
        env.put("JBOSS_JAVA_SIZING", "-Xms128m -Xmx768m");
        return new Node(name, offset, pb.start());
    }

    /** The publisher both nodes know: made with {@code bin/parley-user} offline for the first, its realm copied for the second. */
    private static void addPublisher(Path data) throws IOException {
        Path users = WORK.resolve("users");
        if (!publisherMade) {
            // The password is new each run: a realm left by an earlier run is made again.
            deleteTree(users);
            deleteTree(WORK.resolve("users-data"));
            publisherMade = true;
            ProcessBuilder pb = new ProcessBuilder("bash", System.getProperty("it.user.script"), "add", PUBLISHER, "--role", "analyst",
                    "--role", "publisher").redirectErrorStream(true);
            pb.environment().put("PARLEY_USER_PASSWORD", PUBLISHER_PASSWORD);
            pb.environment().put("PARLEY_SERVER_HOME", SERVER.toString());
            pb.environment().put("PARLEY_PORT_OFFSET", "300");
            pb.environment().put("PARLEY_DATA_DIR", WORK.resolve("users-data").toString());
            try {
                String out = output(pb.start());
                if (!out.contains("added " + PUBLISHER)) {
                    throw new IOException("bin/parley-user add " + PUBLISHER + " failed:\n" + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            copyTree(WORK.resolve("users-data/parley/users"), users);
        }
        copyTree(users, data.resolve("parley/users"));
    }

    private static boolean publisherMade;

    private static final String PUBLISHER = "cluster.publisher";
    private static final String PUBLISHER_PASSWORD = "cluster-publisher-" + UUID.randomUUID();

    /** A request to a node's API as the cluster's publisher. */
    private static JsonValue api(Node node, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + node.offset()) + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((PUBLISHER + ":" + PUBLISHER_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " on " + node.name() + ": " + response.body()).isBetween(200, 299);
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (asterisk != null) {
            asterisk.close();
        }
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        postgres("stop").waitFor(1, TimeUnit.MINUTES);
    }

    @Test
    @Order(1)
    void aPublishOnOneNodeServesOnTheOtherFromTheCompiledFormItStored() throws Exception {
        RealAsterisk.skipLoudlyUnless(unavailable == null, "ClusterFailoverIT (a publish on one node)", unavailable);
        String serving = api(nodeA, "GET", "/api/rules/serving", null).asJsonObject().getString("version");
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (JsonValue f : api(nodeB, "GET", "/api/rules/versions/" + serving.substring(1), null).asJsonObject()
                .getJsonArray("files")) {
            String path = f.asJsonObject().getString("path");
            String content = f.asJsonObject().getString("content");
            files.add(Json.createObjectBuilder().add("path", path)
                    .add("content", path.equals("routing.drl") ? content.replace("hangup( \"goodbye\" )", "hangup( \"goodbye-thanks\" )") : content));
        }

        String published = "v" + api(nodeB, "POST", "/api/rules/publish", Json.createObjectBuilder().add("files", files)
                .add("comment", "published on node B").build().toString()).asJsonObject().getInt("number");
        long start = System.nanoTime();
        await("node A serves " + published).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api(nodeA, "GET", "/api/rules/serving", null).asJsonObject().getString("version").equals(published));
        System.out.printf("ClusterFailoverIT: %s published on node B, serving on node A %d ms later%n", published,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(Files.readString(WORK.resolve("cluster-a.log"))).as("node A loaded what node B compiled")
                .contains("Rule set " + published + " loaded from its stored compiled form")
                .contains("Rule set " + published + " was made serving on another node");
    }

    @Test
    @Order(2)
    void aDrainedNodeTakesNoNewCallAndTheNextNodeDoesUntilItIsResumed() throws Exception {
        RealAsterisk.skipLoudlyUnless(unavailable == null, "ClusterFailoverIT (two nodes, one drained)", unavailable);

        assertThat(drain(nodeA, "--no-wait")).contains("SUSPENDED");
        asterisk.call("5550197", "say", Map.of("PARLEY_INPUT", "text", "PARLEY_UTTERANCE", "I lost my card"));
        await("the call is routed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> sql("select status || ' ' || node || ' ' || queue from call_record where callerNumber = '5550197'")
                        .equals("ROUTED cluster-b fraud"));
        assertThat(drain(nodeA, "--status")).contains("SUSPENDED", "calls in the dialog: 0");

        assertThat(drain(nodeA, "--resume")).contains("RUNNING");
        asterisk.call("5550196", "say", Map.of("PARLEY_INPUT", "text", "PARLEY_UTTERANCE", "I lost my card"));
        await("the resumed node takes calls again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> sql("select status || ' ' || node from call_record where callerNumber = '5550196'").equals("ROUTED cluster-a"));
    }

    @Test
    @Order(3)
    void aCallWhoseNodeIsKilledMidDialogIsCarriedOnAndRoutedByTheOtherNode() throws Exception {
        RealAsterisk.skipLoudlyUnless(unavailable == null, "ClusterFailoverIT (two nodes, one killed mid-call)", unavailable);

        long listenedBefore = listens();
        asterisk.call("5550199", "silent", Map.of());
        await("node A takes the call").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> sql("select node from call_record where callerNumber = '5550199'").equals("cluster-a"));
        // Into its first question: greeted and asked, node A listens to the caller (a new AudioSocket stream).
        await("node A listens").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> listens() > listenedBefore);
        long killed = System.nanoTime();
        nodeA.kill();

        await("node B carries the call on").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> sql("select node from call_record where callerNumber = '5550199'").equals("cluster-b"));
        long tookOver = System.nanoTime();
        await("the call is routed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !sql("select status from call_record where callerNumber = '5550199'").equals("IN_PROGRESS"));
        System.out.printf("ClusterFailoverIT: node A killed; node B had the call %d ms later%n", (tookOver - killed) / 1_000_000);

        assertThat(sql("select count(*) from call_record where callerNumber = '5550199'")).as("one record for the call").isEqualTo("1");
        assertThat(sql("select status || ' ' || node from call_record where callerNumber = '5550199'")).isEqualTo("ROUTED cluster-b");
        assertThat(sql("select queue from call_record where callerNumber = '5550199'")).as("routed to a queue").isNotEmpty();
        String turns = sql("select string_agg(t.number::text, ',' order by t.number) from turn t join call_record c on t.call_id = c.id"
                + " where c.callerNumber = '5550199'");
        assertThat(turns.split(",")).as("turns numbered on from node A's, none twice: " + turns).hasSizeGreaterThanOrEqualTo(2)
                .satisfies(numbers -> {
                    for (int i = 0; i < numbers.length; i++) {
                        assertThat(numbers[i]).isEqualTo(String.valueOf(i + 1));
                    }
                });
        assertThat(asterisk.log()).as("the dialplan sent the call to the second node")
                .contains("did not decide the call").contains("agi://127.0.0.1:" + nodeB.agiPort() + "/ivr");
        assertThat(Files.readString(WORK.resolve("cluster-b.log"))).contains("carried on here at turn");
    }

    /** How many times Asterisk has started an AudioSocket stream to a node (each time Parley listened to a caller). */
    private static long listens() throws IOException {
        return asterisk.log().lines().filter(line -> line.contains("Executing Application: (AudioSocket)")).count();
    }

    /** {@code bin/parley-drain} on a node, as its operator runs it; answers what it printed. */
    private static String drain(Node node, String option) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", System.getProperty("it.drain.script"), option).redirectErrorStream(true);
        pb.environment().put("PARLEY_PORT_OFFSET", String.valueOf(node.offset()));
        pb.environment().put("PARLEY_SERVER_HOME", SERVER.toString());
        return output(pb.start());
    }

    private static Process postgres(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", POSTGRES.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(POSTGRES_ENV);
        return pb.start();
    }

    private static String output(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        return out;
    }

    /** One value from the cluster's database. */
    private static String sql(String query) throws IOException, InterruptedException {
        return output(postgres("psql", "-At", "-c", query)).strip();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains("standalone_xml_history")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
