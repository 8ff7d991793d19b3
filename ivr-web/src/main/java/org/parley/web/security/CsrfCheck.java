package org.parley.web.security;

import jakarta.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Cross-site request forgery: a request that changes something and is authenticated only by the
 * console's session cookie must also carry {@value #HEADER}. Another site's page can make the
 * browser send the cookie, but not a custom header (that needs CORS, which Parley does not grant).
 * Programs that send their credentials with each request (Basic or bearer) are not affected. The session
 * cookie is also SameSite=Lax (undertow-handlers.conf): a browser withholds it from other sites' forms, scripts
 * and frames, and sends it only on a top-level link, which changes nothing here. (Not Strict: coming back
 * from an OpenID Connect provider's login page is such a link, and must carry the login state.)
 */
@Provider
public class CsrfCheck implements ContainerRequestFilter {

    /** The header the console sends with every change. */
    public static final String HEADER = "X-Requested-With";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getHeaderString(HEADER) != null) {
            return;
        }
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("message", "a change made with the console's session must carry the "
                        + HEADER + " header (the console sends it); programs send HTTP Basic credentials instead").build().toString())
                .build());
    }
}
