package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenID Connect switch: the running server is given {@code oidc.cli} (what bin/parley-server applies
 * when PARLEY_OIDC_PROVIDER_URL is set), Parley is deployed, and from then on identities and roles come from
 * an external provider — a real one on the wire (discovery, JWKS, authorization-code and client-credentials
 * grants; no.nav.security's mock-oauth2-server). Programs send bearer tokens, people log in at the
 * provider's page and come back to the console, the roles in the token decide, and audits name the
 * token's user. Forged, expired and foreign tokens and the local users' passwords get nobody in. Afterwards
 * the switch is taken out again, so the other tests meet Parley's own users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcIT {

    private static final String REALM = "contact-centre";
    private static final String CLIENT = "parley";
    private static final String BASE = "http://127.0.0.1:" + ParleyServer.HTTP_PORT;

    private static MockOAuth2Server provider;
    private static boolean deployed;
    private static boolean switchedOff;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "oidc", managed = false, testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    @BeforeAll
    static void theProviderRunsAndTheServerIsSwitchedToIt() throws Exception {
        provider = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        provider.start(InetAddress.getLoopbackAddress(), Integer.getInteger("it.oidc.port"));
        ParleyServer.cli("--file=" + System.getProperty("it.oidc.cli"));
    }

    @BeforeEach
    void parleyIsDeployedBehindIt() {
        if (!deployed) {
            deployer.deploy("oidc");
            deployed = true;
        }
    }

    /** Last: the switch comes out again, Parley's own users are back and the provider's tokens no longer count. */
    @Test
    @Order(Integer.MAX_VALUE)
    void switchedBackParleyKnowsItsOwnUsersAgain() throws Exception {
        String token = token("sam.supervisor", "supervisor");
        deployer.undeploy("oidc");
        ParleyServer.cli("--command=/subsystem=elytron-oidc-client/secure-deployment=ivr-web.war:remove");
        switchedOff = true;
        deployer.deploy("oidc");
        try {
            ParleyServer.user("it-oidc-back", true, "supervisor");
            assertThat(ParleyServer.send("GET", "/api/calls", null, "it-oidc-back").status()).isEqualTo(200);
            assertThat(api("GET", "/api/calls", null, token).statusCode()).isEqualTo(401);
        } finally {
            deployer.undeploy("oidc");
            deployed = false;
        }
    }

    @AfterAll
    static void theProviderStops() throws Exception {
        try {
            if (!switchedOff) {
                ParleyServer.cli("--command=/subsystem=elytron-oidc-client/secure-deployment=ivr-web.war:remove");
            }
        } finally {
            provider.shutdown();
        }
    }

    /** The claims Keycloak puts in an access token: who, the realm roles, and typ Bearer (WildFly requires it of bearer tokens). */
    private static Map<String, Object> person(String user, String... roles) {
        return Map.of("preferred_username", user, "realm_access", Map.of("roles", List.of(roles)), "typ", "Bearer");
    }

    /** An access token as the provider issues it to Parley's client. */
    private static String token(String user, String... roles) {
        return provider.issueToken(REALM, CLIENT, new DefaultOAuth2TokenCallback(REALM, "sub-" + user, "JWT", List.of(CLIENT),
                person(user, roles), 300)).serialize();
    }

    private static HttpResponse<String> api(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void programsSendBearerTokensAndTheRolesInThemDecide() throws Exception {
        assertThat(api("GET", "/api/calls", null, null).statusCode()).isEqualTo(401);
        // open without a login; ready once the speech recogniser of the fresh deployment has loaded
        await().atMost(Duration.ofSeconds(60)).until(() -> api("GET", "/api/health", null, null).statusCode() == 200);

        String supervisor = token("sam.supervisor", "supervisor");
        assertThat(api("GET", "/api/calls", null, supervisor).statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/rules/versions", null, supervisor).statusCode()).isEqualTo(403);
        JsonObject me = json(api("GET", "/api/session", null, supervisor));
        assertThat(me.getString("user")).isEqualTo("sam.supervisor");
        assertThat(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("supervisor");

        String analyst = token("ana.analyst", "analyst", "offline_access");
        assertThat(api("GET", "/api/rules/versions", null, analyst).statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/calls", null, analyst).statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/rules/rollback", "{\"version\":1}", analyst).statusCode()).isEqualTo(403);
    }

    @Test
    void forgedExpiredForeignAndLocalCredentialsGetNobodyIn() throws Exception {
        // signed by another provider's key, claiming to be this one
        MockOAuth2Server impostor = new MockOAuth2Server();
        impostor.start();
        try {
            SignedJWT forged = impostor.anyToken(provider.issuerUrl(REALM), Map.of("aud", CLIENT, "preferred_username", "mallory",
                    "realm_access", Map.of("roles", List.of("admin")), "typ", "Bearer"), Duration.ofMinutes(5));
            assertThat(api("GET", "/api/calls", null, forged.serialize()).statusCode()).isEqualTo(401);
        } finally {
            impostor.shutdown();
        }
        // this provider's key, but for another client
        String otherAudience = provider.issueToken(REALM, "wallboard", new DefaultOAuth2TokenCallback(REALM, "sub-wb", "JWT",
                List.of("wallboard"), person("wb", "supervisor"), 300)).serialize();
        assertThat(api("GET", "/api/calls", null, otherAudience).statusCode()).isEqualTo(401);
        // expired
        String expired = provider.issueToken(REALM, CLIENT, new DefaultOAuth2TokenCallback(REALM, "sub-old", "JWT", List.of(CLIENT),
                person("old", "supervisor"), -120)).serialize();
        assertThat(api("GET", "/api/calls", null, expired).statusCode()).isEqualTo(401);
        // garbage
        assertThat(api("GET", "/api/calls", null, "not.a.token").statusCode()).isEqualTo(401);
        // Parley's own users do not count while the provider decides
        HttpRequest basic = HttpRequest.newBuilder(URI.create(BASE + "/api/calls"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("it-admin:whatever".getBytes())).build();
        assertThat(HttpClient.newHttpClient().send(basic, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aCrmIntegrationGetsItsTokenWithClientCredentialsAndIsAuditedByName() throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(REALM, "sub-salesforce", "JWT", List.of(CLIENT),
                person("service-account-salesforce", "crm"), 300));
        HttpResponse<String> grant = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.tokenEndpointUrl(REALM).toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=salesforce&scope=parley&client_secret="
                        + java.util.UUID.randomUUID())) // the test provider takes any; a real one checks the integration's own
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        String token = json(grant).getString("access_token");

        HttpResponse<String> created = api("PUT", "/api/crm/customers/C-OIDC-1", "{\"phone\":\"+15550109900\",\"name\":\"Oda Idc\"}", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api("GET", "/api/calls", null, token).statusCode()).isEqualTo(403);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ParleyServer.serverLog())
                .contains("service-account-salesforce created customer C-OIDC-1"));
    }

    @Test
    void aPersonLogsInAtTheProviderAndUsesTheConsoleAsThemselves() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        // the console sends a stranger to the provider
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/rules.html")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        URI authorize = URI.create(page.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(provider.authorizationEndpointUrl(REALM).toString()).contains("client_id=" + CLIENT);

        // the provider's login page; the person signs in
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"");
        String claims = Json.createObjectBuilder().add("preferred_username", "pia.publisher")
                .add("realm_access", Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("analyst").add("publisher"))).build().toString();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(authorize).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=pia&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(BASE).contains("code=");

        // back at Parley: it redeems the code with the provider and sends the person where they were going
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(back).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/rules.html");
        HttpResponse<String> console = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/rules.html")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("CodeMirror");

        // the console's own calls ride on the session, with its header; the user is the token's
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/session")).header("X-Requested-With", "parley-console")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).getString("user")).isEqualTo("pia.publisher");
        assertThat(json(me).getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("analyst", "publisher");

        // a change without the console's header is refused even with the session (CSRF); with it, it is the person's
        jakarta.json.JsonArray versions = Json.createReader(new StringReader(browser.send(HttpRequest.newBuilder(URI.create(BASE
                + "/api/rules/versions")).build(), HttpResponse.BodyHandlers.ofString()).body())).readArray();
        int serving = versions.getValuesAs(JsonObject.class).stream().filter(v -> v.getBoolean("serving")).findFirst().orElseThrow().getInt("number");
        JsonObject detail = Json.createReader(new StringReader(browser.send(HttpRequest.newBuilder(URI.create(BASE
                + "/api/rules/versions/" + serving)).build(), HttpResponse.BodyHandlers.ofString()).body())).readObject();
        jakarta.json.JsonArrayBuilder files = Json.createArrayBuilder();
        detail.getJsonArray("files").getValuesAs(JsonObject.class).forEach(f -> files.add(Json.createObjectBuilder()
                .add("path", f.getString("path")).add("content", f.getString("content"))));
        String draft = Json.createObjectBuilder().add("files", files).add("author", "mallory").add("comment", "same rules, published by pia")
                .build().toString();
        HttpRequest.Builder publish = HttpRequest.newBuilder(URI.create(BASE + "/api/rules/publish")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(draft));
        assertThat(browser.send(publish.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpResponse<String> published = browser.send(publish.header("X-Requested-With", "parley-console").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(json(published).getString("author")).isEqualTo("pia.publisher");
    }
}
