package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.ParleyServer.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.tools.sim.AudioSocketCaller;
import org.parley.tools.sim.CallScript;

/**
 * What Prometheus scrapes from a node that has taken calls (text, keys, speech, silence) after Parley was redeployed
 * on it (WildFly keeps an undeployed application's meters: a gauge left bound to the dead deployment failed the whole
 * scrape): Parley's meters and the server's, on the management port without credentials; and every query of the
 * shipped Grafana dashboard names a metric the node exports, so the dashboard cannot drift from the code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

    private static final Path DASHBOARD = Path.of(System.getProperty("it.grafana.dashboard"));
    /** PromQL's own words, which are not metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "rate", "irate", "increase", "histogram_quantile", "by", "without", "avg", "max",
            "min", "count", "topk", "le", "on", "ignoring", "group_left", "or", "and", "unless", "clamp_min", "vector", "time", "delta",
            "deriv", "avg_over_time", "max_over_time", "sum_over_time", "label_replace", "abs", "bool", "offset", "s", "m", "h", "d");

    private static String scrape;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "metrics", managed = false, testable = false)
    static EnterpriseArchive parley() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @Test
    @Order(1)
    void aRedeployedNodeTakesCallsAndIsScraped() throws Exception {
        deployer.deploy("metrics");
        call(CallScript.from("5557100").uniqueId("1800000900.0").say("I lost my card"));
        deployer.undeploy("metrics");
        deployer.deploy("metrics");

        call(CallScript.from("5557101").uniqueId("1800000900.1").say("I lost my card"));
        call(CallScript.from("5557102").uniqueId("1800000900.2").press("2"));
        call(CallScript.from("5557103").uniqueId("1800000900.3").speak(AudioSocketCaller.readWav8k(
                Path.of(System.getProperty("it.audio.dir"), "narrowband", "u01.wav")), true));
        call(CallScript.from("5557104").uniqueId("1800000900.4").staySilent().staySilent().press("1"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ParleyServer.MANAGEMENT_PORT + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Prometheus scrapes without credentials, after a redeploy too").isEqualTo(200);
        scrape = response.body();
        assertThat(scrape).as("the gauge is the new deployment's: no call is in the IVR now")
                .containsPattern("(?m)^parley_calls_active\\{[^}]*\\} 0\\.0$");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void undeploy() {
        deployer.undeploy("metrics");
    }

    private static Set<String> exported() {
        Set<String> names = new HashSet<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    @Test
    @Order(2)
    void callsTurnsAndTheirLatencyAreExported() {
        assertThat(scrape).contains("parley_calls_started_total", "parley_calls_active", "parley_calls_ended_total{",
                "outcome=\"routed\"", "parley_calls_routed_total{", "queue=\"fraud\"", "parley_intents_total{",
                "intent=\"lost_stolen_card\"", "parley_turns_total{", "input=\"speech\"", "input=\"keys\"", "input=\"silence\"",
                "parley_turns_no_input_total", "parley_turn_latency_buckets_total{", "parley_turn_latency_seconds_count{", "stage=\"asr\"", "stage=\"nlu\"",
                "stage=\"rules\"", "stage=\"total\"", "parley_asr_real_time_factor_buckets_total", "parley_crm_lookup_seconds_count{",
                "parley_crm_breaker_state", "parley_outbox_backlog", "parley_outbox_dead", "parley_ami_connected", "parley_ami_events_total",
                "parley_records_pending", "jvm_memory_used_bytes", "datasources_pool_in_use_count");
    }

    @Test
    @Order(3)
    void everyQueryOfTheShippedDashboardNamesAMetricTheNodeExports() throws IOException {
        Set<String> exported = exported();
        Set<String> missing = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        JsonObject dashboard;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
            dashboard = reader.readObject();
        }
        for (JsonValue panel : dashboard.getJsonArray("panels")) {
            for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                for (String metric : metrics(target.asJsonObject().getString("expr"))) {
                    used.add(metric);
                    if (!exported.contains(metric)) {
                        missing.add(metric + " (panel \"" + panel.asJsonObject().getString("title") + "\")");
                    }
                }
            }
        }
        assertThat(used).as("the dashboard's metrics").hasSizeGreaterThan(10);
        assertThat(missing).as("metrics the dashboard asks for that the node does not export").isEmpty();
    }

    /** The metric names in a PromQL expression: identifiers that are not PromQL's words, label names or label values. */
    static Set<String> metrics(String expr) {
        String withoutStrings = expr.replaceAll("\"[^\"]*\"", "\"\"");
        String withoutLabels = withoutStrings.replaceAll("\\{[^}]*}", "{}").replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(withoutLabels.replaceAll("\\[[^]]*]", ""));
        while (m.find()) {
            if (!PROMQL.contains(m.group()) && !m.group().matches("\\d.*")) {
                names.add(m.group());
            }
        }
        return names;
    }
}
