package org.parley.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is logged in (the console shows it and hides what the roles do not allow), and logging out: any role may. */
@Path("/session")
@jakarta.annotation.security.RolesAllowed({Roles.ANALYST, Roles.PUBLISHER, Roles.SUPERVISOR, Roles.ADMIN, Roles.CRM})
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** The user and the roles they have. */
    public record Me(String user, List<String> roles) {
    }

    @GET
    @Operation(summary = "The authenticated user and their roles")
    public Me me(@Context SecurityContext security) {
        List<String> roles = Roles.ALL.stream()
                .filter(security::isUserInRole).toList();
        return new Me(security.getUserPrincipal().getName(), roles);
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Ends the console's session")
    public Response logout(@Context HttpServletRequest request) throws ServletException {
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return Response.noContent().build();
    }
}
