package org.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files hold together, checked without a container engine or a cluster (neither runs where Parley is
 * built): every Kubernetes object is checked field by field by the Kubernetes API's own models (generated from its
 * OpenAPI schema: unknown fields and missing required ones are refused), and what the objects say of each other
 * (selectors, named ports, probes, the secret) agrees; the Compose file's services, files and health checks exist;
 * the scripts parse; Prometheus and Grafana are configured for what Parley serves. Whether the dashboard's queries name
 * exported metrics is MetricsIT's, against a running node.
 */
class ManifestsTest {

    private static final Path DEPLOY = Path.of(System.getProperty("parley.deploy.dir", "."));
    private static final Gson GSON = new Gson();

    private static List<Map<String, Object>> yamlDocuments(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) document;
                    documents.add(map);
                }
            }
        }
        return documents;
    }

    /** The object, checked against its kind's model (fields, types, required ones), or the reason it is refused. */
    private static Object kubernetesObject(Map<String, Object> document) throws IOException {
        JsonElement json = GSON.toJsonTree(document);
        String type = document.get("apiVersion") + "/" + document.get("kind");
        Class<?> model = switch (type) {
            case "v1/ConfigMap" -> V1ConfigMap.class;
            case "v1/Service" -> V1Service.class;
            case "apps/v1/Deployment" -> V1Deployment.class;
            case "policy/v1/PodDisruptionBudget" -> V1PodDisruptionBudget.class;
            default -> throw new AssertionError("no model for " + type + " (add it here)");
        };
        switch (type) {
            case "v1/ConfigMap" -> V1ConfigMap.validateJsonElement(json);
            case "v1/Service" -> V1Service.validateJsonElement(json);
            case "apps/v1/Deployment" -> V1Deployment.validateJsonElement(json);
            default -> V1PodDisruptionBudget.validateJsonElement(json);
        }
        return JSON.getGson().fromJson(json, model);
    }

    private static List<Object> kubernetesObjects() throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> document : yamlDocuments(file)) {
                    objects.add(kubernetesObject(document));
                }
            }
        }
        return objects;
    }

    private static <T> List<T> ofKind(List<Object> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void everyKubernetesObjectIsValidForItsKind() throws IOException {
        List<Object> objects = kubernetesObjects();

        assertThat(objects).hasAtLeastOneElementOfType(V1Deployment.class).hasAtLeastOneElementOfType(V1Service.class)
                .hasAtLeastOneElementOfType(V1PodDisruptionBudget.class).hasAtLeastOneElementOfType(V1ConfigMap.class);
    }

    @Test
    void aMisspelledOrMissingFieldIsRefused() {
        Map<String, Object> misspelled = Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "x"),
                "spec", Map.of("replica", 2, "selector", Map.of(), "template", Map.of()));
        Map<String, Object> withoutSelector = Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "x"),
                "spec", Map.of("template", Map.of()));

        assertThatThrownBy(() -> kubernetesObject(misspelled)).hasMessageContaining("replica");
        assertThatThrownBy(() -> kubernetesObject(withoutSelector)).hasMessageContaining("selector");
    }

    @Test
    void theObjectsAgreeWithEachOtherAndWithTheImage() throws IOException {
        List<Object> objects = kubernetesObjects();
        V1Deployment deployment = ofKind(objects, V1Deployment.class).get(0);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        V1Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> portNames = container.getPorts().stream().map(V1ContainerPort::getName).collect(Collectors.toSet());
        Set<Integer> portNumbers = container.getPorts().stream().map(V1ContainerPort::getContainerPort).collect(Collectors.toSet());

        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(portNumbers).as("the image's ports (Containerfile EXPOSE)").containsExactlyInAnyOrder(8080, 9990, 4573, 9092, 7600);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/started");
        assertThat(List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe()))
                .allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getStrValue()).isEqualTo("management"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getLifecycle().getPreStop()).as("a pause before SIGTERM, so no new call is sent to a leaving pod").isNotNull();
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .as("longer than the preStop pause and the drain").isGreaterThan(35L);
        for (V1Service service : ofKind(objects, V1Service.class)) {
            assertThat(podLabels).as(service.getMetadata().getName()).containsAllEntriesOf(service.getSpec().getSelector());
            for (V1ServicePort port : service.getSpec().getPorts()) {
                assertThat(portNames).as(service.getMetadata().getName() + " " + port.getName()).contains(port.getTargetPort().getStrValue());
            }
        }
        for (V1PodDisruptionBudget budget : ofKind(objects, V1PodDisruptionBudget.class)) {
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable().getIntValue()).isLessThan(deployment.getSpec().getReplicas());
        }
        assertThat(container.getEnv()).filteredOn(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .extracting(env -> env.getName()).containsExactlyInAnyOrder("PARLEY_DB_PASSWORD", "PARLEY_AMI_PASSWORD");
        assertThat(ofKind(objects, V1ConfigMap.class).get(0).getData()).as("no secret in the ConfigMap")
                .doesNotContainKeys("PARLEY_DB_PASSWORD", "PARLEY_AMI_PASSWORD").containsKey("PARLEY_DB_URL");

        // The cluster: DNS_PING asks for the headless Service's addresses, over the JGroups stack the server defines.
        Map<String, String> env = container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
        V1Service headless = ofKind(objects, V1Service.class).stream().filter(service -> "None".equals(service.getSpec().getClusterIP()))
                .findFirst().orElseThrow();
        assertThat(env.get("PARLEY_CLUSTER_DNS_QUERY")).startsWith(headless.getMetadata().getName() + ".");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).as("starting nodes find each other").isTrue();
        assertThat(env).containsEntry("WILDFLY_OVERRIDING_ENV_VARS", "1");
        assertThat(Files.readString(DEPLOY.resolveSibling("ivr-ear/src/main/wildfly/configure-cluster.cli")))
                .contains("/subsystem=jgroups/stack=" + env.get("SUBSYSTEM_JGROUPS_CHANNEL_EE__STACK") + ":add()", "dns.DNS_PING");
    }

    @Test
    void theComposeFilesServicesFilesAndChecksExist() throws IOException {
        Map<String, Object> compose = yamlDocuments(DEPLOY.resolve("compose/compose.yaml")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("postgres", "parley-1", "parley-2", "asterisk", "prometheus", "grafana");
        Path root = DEPLOY.getParent();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> spec = service.getValue();
            assertThat(spec.containsKey("image") || spec.containsKey("build")).as(service.getKey() + " has an image").isTrue();
            if (spec.get("build") instanceof Map<?, ?> build) {
                assertThat(root.resolve(String.valueOf(build.get("dockerfile")))).as(service.getKey() + "'s Containerfile").isRegularFile();
            }
            if (spec.get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                    String source = String.valueOf(volume).split(":")[0];
                    if (source.startsWith("..")) {
                        assertThat(DEPLOY.resolve("compose").resolve(source).normalize()).as(service.getKey() + " mounts " + source).exists();
                    }
                }
            }
        }
        assertThat(services.get("parley-1").get("healthcheck").toString()).contains("/health/ready");
        assertThat(services.get("parley-1").get("environment").toString()).contains("PARLEY_DB_URL", "jdbc:postgresql:");
        @SuppressWarnings("unchecked")
        Map<String, Object> parleyEnv = (Map<String, Object>) services.get("parley-2").get("environment");
        assertThat(String.valueOf(parleyEnv.get("PARLEY_CLUSTER_MEMBERS")).split(","))
                .as("every Parley node a cluster member by its host name").containsExactlyInAnyOrder(
                        services.entrySet().stream().filter(e -> e.getKey().startsWith("parley-"))
                                .map(e -> e.getValue().get("hostname") + "[7600]").toArray(String[]::new));
    }

    @Test
    void theContainerFilesNameFilesThatExistAndTheScriptsParse() throws Exception {
        for (String containerfile : List.of("container/Containerfile", "container/Asterisk.containerfile")) {
            for (String line : Files.readAllLines(DEPLOY.resolve(containerfile))) {
                if (line.startsWith("COPY ") && !line.contains("--from=")) {
                    String[] words = line.split("\\s+");
                    String source = words[words.length - 2];
                    if (!source.startsWith("ivr-ear/target")) {
                        assertThat(DEPLOY.getParent().resolve(source)).as(containerfile + ": " + line).exists();
                    }
                }
            }
        }
        for (String script : List.of("container/parley-container", "container/asterisk-container")) {
            assertThat(DEPLOY.resolve(script)).isExecutable();
            Process check = new ProcessBuilder(script.endsWith("parley-container") ? "bash" : "sh", "-n", DEPLOY.resolve(script).toString())
                    .redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(script + ": " + out).isZero();
        }
    }

    @Test
    void prometheusScrapesTheManagementPortAndGrafanaFindsItsDataSource() throws IOException {
        Map<String, Object> prometheus = yamlDocuments(DEPLOY.resolve("prometheus/prometheus.yml")).get(0);
        String scrape = prometheus.get("scrape_configs").toString();
        assertThat(scrape).contains("metrics_path=/metrics", ":9990");

        JsonElement dashboard = JsonParser.parseString(Files.readString(DEPLOY.resolve("grafana/parley-dashboard.json")));
        String datasource = yamlDocuments(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml")).get(0).get("datasources").toString();
        assertThat(dashboard.getAsJsonObject().getAsJsonArray("panels")).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.getAsJsonObject().getAsJsonObject("datasource").get("uid").getAsString()).isEqualTo("prometheus");
            assertThat(panel.getAsJsonObject().getAsJsonArray("targets")).isNotEmpty();
        });
        assertThat(datasource).contains("uid=prometheus");
    }
}
