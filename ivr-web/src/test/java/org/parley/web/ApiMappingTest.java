package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.crm.CrmValidationException;
import org.parley.ivr.crm.FieldError;
import org.parley.ivr.rules.RuleLifecycleException;
import org.parley.web.api.ApiErrors;
import org.parley.web.crm.CrmErrors;
import org.parley.web.rules.RuleLifecycleErrors;
import org.parley.web.security.CsrfCheck;

/**
 * The API's error mapping and request filters on RESTEasy (WildFly's JAX-RS implementation) in memory, without
 * a server (a few seconds): every refusal is JSON that says what was wrong, with the status a client can act on.
 */
class ApiMappingTest {

    /** Stands in for the resources: each operation fails the way a real one does. */
    @Path("/t")
    public static class Failing {

        @GET
        @Path("/version/{reason}")
        public String lifecycle(@PathParam("reason") RuleLifecycleException.Reason reason) {
            throw new RuleLifecycleException(reason, "version 7: " + reason);
        }

        @POST
        @Path("/customer")
        public String customer() {
            throw new CrmValidationException("customer", List.of(new FieldError("phone", "must be E.164, e.g. +15550100")));
        }

        @GET
        @Path("/publish")
        @RolesAllowed("publisher")
        public String publish() {
            throw new ForbiddenException("not allowed");
        }

        @GET
        @Path("/missing")
        public String missing() {
            throw new NotFoundException("no call with id 7");
        }

        @POST
        @Path("/change")
        public String change() {
            return "changed";
        }
    }

    private Dispatcher dispatcher;

    @BeforeEach
    void deploy() {
        dispatcher = MockDispatcherFactory.createDispatcher();
        dispatcher.getRegistry().addPerRequestResource(Failing.class);
        dispatcher.getProviderFactory().registerProvider(ApiErrors.class);
        dispatcher.getProviderFactory().registerProvider(RuleLifecycleErrors.class);
        dispatcher.getProviderFactory().registerProvider(CrmErrors.class);
        dispatcher.getProviderFactory().registerProvider(CsrfCheck.class);
        dispatcher.getDefaultContextObjects().put(SecurityContext.class, signedIn("ana", Set.of("analyst")));
    }

    private static SecurityContext signedIn(String name, Set<String> roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }

    private MockHttpResponse send(MockHttpRequest request) {
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(request, response);
        return response;
    }

    private static JsonObject json(MockHttpResponse response) throws java.io.UnsupportedEncodingException {
        return Json.createReader(new StringReader(response.getContentAsString())).readObject();
    }

    @Test
    void lifecycleRefusalsAre404For403OwnAnd409State() throws Exception {
        assertThat(send(MockHttpRequest.get("/t/version/NO_SUCH_VERSION")).getStatus()).isEqualTo(404);
        assertThat(send(MockHttpRequest.get("/t/version/OWN_PROPOSAL")).getStatus()).isEqualTo(403);
        assertThat(send(MockHttpRequest.get("/t/version/NOT_PROPOSED")).getStatus()).isEqualTo(409);
        MockHttpResponse notPublished = send(MockHttpRequest.get("/t/version/NOT_PUBLISHED"));
        assertThat(notPublished.getStatus()).isEqualTo(409);
        assertThat(json(notPublished).getString("error")).isEqualTo("version 7: NOT_PUBLISHED");
        assertThat(json(notPublished).getInt("status")).isEqualTo(409);
    }

    @Test
    void anInvalidCrmPayloadIs400WithEveryFieldAndSaysNothingWasStored() throws Exception {
        MockHttpResponse response = send(MockHttpRequest.post("/t/customer").header(HttpHeaders.AUTHORIZATION, "Basic x"));

        assertThat(response.getStatus()).isEqualTo(400);
        JsonObject body = json(response);
        assertThat(body.getString("error")).contains("phone must be E.164").endsWith("; nothing was stored");
        assertThat(body.getJsonArray("fields").getJsonObject(0).getString("field")).isEqualTo("phone");
    }

    @Test
    void aRoleRefusalNamesTheRoleNeededAndTheRolesTheUserHas() throws Exception {
        MockHttpResponse response = send(MockHttpRequest.get("/t/publish"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(json(response).getString("error")).isEqualTo("this needs the role publisher; ana has analyst"
                + " (roles are given with bin/parley-user roles, or at the identity provider)");
    }

    @Test
    void otherErrorsKeepTheirStatusAndMessageAsJson() throws Exception {
        MockHttpResponse response = send(MockHttpRequest.get("/t/missing"));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(json(response).getString("error")).isEqualTo("no call with id 7");
    }

    @Test
    void aChangeWithOnlyTheSessionCookieNeedsTheConsolesHeader() throws Exception {
        MockHttpResponse forged = send(MockHttpRequest.post("/t/change"));
        assertThat(forged.getStatus()).as("another site's form").isEqualTo(403);
        assertThat(forged.getContentAsString()).contains(CsrfCheck.HEADER);

        assertThat(send(MockHttpRequest.post("/t/change").header(CsrfCheck.HEADER, "parley")).getStatus()).isEqualTo(200);
        assertThat(send(MockHttpRequest.post("/t/change").header(HttpHeaders.AUTHORIZATION, "Basic x")).getStatus())
                .as("a program with its own credentials").isEqualTo(200);
        assertThat(send(MockHttpRequest.get("/t/missing")).getStatus()).as("reads are never forged changes").isEqualTo(404);
    }
}
