package org.parley.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Stream;
import org.parley.web.security.Roles;

/**
 * Every API error as JSON that says what was wrong: {@code {"status":404,"error":"no call with id 7"}}. A
 * refusal for the role (the operation's {@code @RolesAllowed}) says which roles would do and which the user
 * has, so the fix is one command for whoever manages users.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

    @Context
    ResourceInfo resource;

    @Context
    SecurityContext security;

    /** The error body. */
    public record ApiError(int status, String error) {
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = e instanceof ForbiddenException ? forbidden(e.getMessage()) : e.getMessage();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status, message)).build();
    }

    private String forbidden(String message) {
        RolesAllowed allowed = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class) ? resource.getResourceMethod().getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        if (allowed == null || security == null || security.getUserPrincipal() == null) {
            return message;
        }
        List<String> has = Roles.ALL.stream().filter(security::isUserInRole).toList();
        return "this needs the role " + String.join(" or ", Stream.of(allowed.value()).toList()) + "; "
                + security.getUserPrincipal().getName() + " has " + (has.isEmpty() ? "none of Parley's roles" : String.join(", ", has))
                + " (roles are given with bin/parley-user roles, or at the identity provider)";
    }
}
