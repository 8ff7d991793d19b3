package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nobody gets in who should not: every operation of the published API (walked from the OpenAPI
 * document, so a new endpoint is covered the day it is added) answers 401 without credentials and 403
 * to a user whose role does not cover it; the console's pages send strangers to the login form; and
 * every response carries the security headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final List<String> ROLES = List.of("analyst", "publisher", "supervisor", "admin", "crm");
    /** Open to everyone: health (probes); open to every logged-in user: who am I, log out. */
    private static final Set<String> OPEN = Set.of("/api/health");
    private static final Set<String> ANY_USER = Set.of("/api/session", "/api/session/logout");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    /** Every operation of the OpenAPI document: method and path (with path parameters filled in). */
    private static List<String[]> operations() throws Exception {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ParleyServer.HTTP_PORT
                + "/openapi?format=JSON")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonObject paths = Json.createReader(new StringReader(doc.body())).readObject().getJsonObject("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(new String[] {m.toUpperCase(), (path.startsWith("/api") ? path : "/api" + path)
                        .replaceAll("\\{[^}]+}", "1")})));
        return operations;
    }

    @Test
    void everyOperationNeedsCredentialsAndTheRightRole() throws Exception {
        for (String role : ROLES) {
            ParleyServer.user("it-" + role, true, role);
        }
        List<String[]> operations = operations();
        assertThat(operations).hasSizeGreaterThan(25);
        Map<String, Map<String, Integer>> seen = new LinkedHashMap<>();
        for (String[] op : operations) {
            String name = op[0] + " " + op[1];
            String body = op[0].equals("GET") || op[0].equals("DELETE") ? null : "{}";
            if (OPEN.contains(op[1])) {
                assertThat(ParleyServer.send(op[0], op[1], body, null).status()).as(name).isEqualTo(200);
                continue;
            }
            ParleyServer.Reply anonymous = ParleyServer.send(op[0], op[1], body, null);
            assertThat(anonymous.status()).as(name + " without credentials").isEqualTo(401);
            Map<String, Integer> byRole = new LinkedHashMap<>();
            for (String role : ROLES) {
                byRole.put(role, ParleyServer.send(op[0], op[1], body, "it-" + role).status());
            }
            seen.put(name, byRole);
            assertThat(byRole.values()).as(name + " by role " + byRole).doesNotContain(401);
            if (ANY_USER.contains(op[1])) {
                assertThat(byRole.values()).as(name + " by role " + byRole).doesNotContain(403);
            } else {
                assertThat(byRole.values()).as(name + ": some role must be refused " + byRole).contains(403);
                assertThat(byRole.values()).as(name + ": some role must be let in " + byRole).anyMatch(s -> s != 403);
            }
        }
        // The matrix the issue names, spot-checked: publishing is for publishers, calls for supervisors, customers for admins and CRMs.
        assertThat(seen.get("POST /api/rules/publish")).containsEntry("analyst", 403).containsEntry("supervisor", 403)
                .doesNotContainEntry("publisher", 403);
        assertThat(seen.get("POST /api/rules/validate")).doesNotContainEntry("analyst", 403).containsEntry("supervisor", 403);
        assertThat(seen.get("GET /api/calls")).doesNotContainEntry("supervisor", 403).containsEntry("analyst", 403);
        assertThat(seen.get("DELETE /api/crm/customers/1")).doesNotContainEntry("admin", 403).doesNotContainEntry("crm", 403)
                .containsEntry("supervisor", 403);
        assertThat(seen.get("POST /api/events/dead/replay")).doesNotContainEntry("admin", 403).containsEntry("crm", 403);
        // a refusal says what would do and what the user has
        ParleyServer.Reply refused = ParleyServer.send("POST", "/api/rules/publish", "{}", "it-analyst");
        assertThat(refused.body().asJsonObject().getString("error"))
                .isEqualTo("this needs the role publisher; it-analyst has analyst (roles are given with bin/parley-user roles, or at the identity provider)");
    }

    @Test
    void wrongPasswordsAndRemovedUsersAreRefused() throws Exception {
        String key = ParleyServer.user("it-revoked", true, "supervisor");
        assertThat(ParleyServer.send("GET", "/api/calls", null, "it-revoked").status()).isEqualTo(200);
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ParleyServer.HTTP_PORT + "/api/calls"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("it-revoked:" + key + "x").getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"Parley\""));

        ParleyServer.removeUser("it-revoked");
        assertThat(ParleyServer.send("GET", "/api/calls", null, "it-revoked").status()).isEqualTo(401);
    }

    @Test
    void theConsoleSendsStrangersToTheLoginFormAndEveryResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ParleyServer.HTTP_PORT + "/rules.html"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("j_security_check", "j_username").doesNotContain("CodeMirror");
        for (String path : List.of("/api/health", "/index.html", "/login")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ParleyServer.HTTP_PORT + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval")
                            .doesNotContain("script-src 'self' 'unsafe-inline'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void aChangeWithTheConsoleSessionButWithoutTheConsoleHeaderIsRefused() throws Exception {
        String password = ParleyServer.user(ParleyServer.ANALYST, false, "analyst", "publisher");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + ParleyServer.HTTP_PORT;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/rules.html")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + ParleyServer.ANALYST + "&j_password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));

        String draft = "{\"files\":[{\"path\":\"x.drl\",\"content\":\"package org.parley.rules.routing;\"}]}";
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/rules/validate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(draft)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-Requested-With");

        HttpResponse<String> console = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/rules/validate"))
                .header("Content-Type", "application/json").header("X-Requested-With", "parley-console")
                .POST(HttpRequest.BodyPublishers.ofString(draft)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains("\"user\":\"ana.lyst\"", "analyst", "publisher");
    }
}
