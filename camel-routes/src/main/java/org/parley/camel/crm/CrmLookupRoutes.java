package org.parley.camel.crm;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.parley.ivr.crm.CrmGateway;
import org.parley.ivr.crm.CustomerInput;

/**
 * {@code direct:crm-lookup}: asks the deployment's CRM about a caller number over HTTP, behind a
 * resilience4j circuit breaker. The URL names the number as {@code {number}}; the answer is a JSON
 * object (or an array whose first element is used; 404 or an empty array: not a customer), read
 * through a field mapping ({@code customerId=id,name=fullName,tier=segment,...}, dotted paths for
 * nested fields). A timeout, an error status or an open circuit answers UNAVAILABLE at once.
 */
public class CrmLookupRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "crm-lookup";
    public static final String ENDPOINT = "direct:crm-lookup";
    /** The circuit breaker's id in the route, to read its state. */
    public static final String BREAKER_ID = "crm-lookup-breaker";

    /** The CRM lookup's settings. */
    public record Settings(String urlTemplate, long timeoutMillis, Map<String, String> fields, int minimumCalls,
                           long openSeconds) {
    }

    /** Made once: {@code Json.createReader} looks the JSON-P provider up on every call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final Settings settings;
    private final HttpClient http;

    public CrmLookupRoutes(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.timeoutMillis())).build();
    }

    /** "customerId=id,name=fullName" as a map, our field to the CRM's path. */
    public static Map<String, String> fields(String spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                fields.put(kv[0].strip(), kv[1].strip());
            } else if (!pair.isBlank()) {
                throw new IllegalArgumentException("parley.crm.lookup.fields: '" + pair.strip() + "' is not field=path"
                        + " (fields: customerId, phone, name, tier, language, openCases)");
            }
        }
        return fields;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID)
                .circuitBreaker().id(BREAKER_ID)
                    .resilience4jConfiguration()
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .slidingWindowSize(Math.max(10, settings.minimumCalls()))
                        .failureRateThreshold(50)
                        .waitDurationInOpenState((int) settings.openSeconds())
                        .permittedNumberOfCallsInHalfOpenState(1)
                    .end()
                    .process(this::lookup)
                .onFallback()
                    .process(exchange -> {
                        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                        exchange.getMessage().setBody(CrmGateway.Result.unavailable(cause == null ? "circuit open: the CRM failed recently"
                                : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                    })
                .end();
    }

    private void lookup(Exchange exchange) throws Exception {
        String number = exchange.getMessage().getBody(String.class);
        String url = settings.urlTemplate().replace("{number}", URLEncoder.encode(number, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(settings.timeoutMillis()))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            exchange.getMessage().setBody(CrmGateway.Result.notFound());
            return;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the CRM answered HTTP " + response.statusCode() + " for " + url);
        }
        JsonValue json = JSON.createReader(new StringReader(response.body())).readValue();
        JsonObject record;
        if (json instanceof JsonArray array) {
            if (array.isEmpty()) {
                exchange.getMessage().setBody(CrmGateway.Result.notFound());
                return;
            }
            record = array.getJsonObject(0);
        } else {
            record = json.asJsonObject();
        }
        String customerId = text(record, "customerId");
        if (customerId == null) {
            throw new IllegalStateException("the CRM's answer has no " + settings.fields().getOrDefault("customerId", "customerId")
                    + " (check parley.crm.lookup.fields)");
        }
        String phone = text(record, "phone");
        String openCases = text(record, "openCases");
        String language = text(record, "language");
        exchange.getMessage().setBody(CrmGateway.Result.found(new CustomerInput(customerId, phone == null ? number : phone,
                text(record, "name"), text(record, "tier"), language == null ? null : language.toLowerCase(java.util.Locale.ROOT)),
                openCases == null ? 0 : (int) Double.parseDouble(openCases)));
    }

    /** The value at the mapped path, as text; null when absent. */
    private String text(JsonObject record, String field) {
        String path = settings.fields().getOrDefault(field, field);
        JsonValue at = record;
        for (String part : path.split("\\.")) {
            if (!(at instanceof JsonObject o) || !o.containsKey(part) || o.isNull(part)) {
                return null;
            }
            at = o.get(part);
        }
        return at instanceof JsonString s ? s.getString() : at.toString();
    }
}
