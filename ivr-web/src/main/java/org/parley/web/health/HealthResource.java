package org.parley.web.health;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.health.ComponentStatus;
import org.parley.ivr.health.HealthService;

/**
 * UP (200) when every part is up; DEGRADED (200) when an optional part (AMI link, external CRM) is
 * down but calls are taken; DOWN (503) when a part calls need is down; with each part's state.
 */
@PermitAll
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "health")
public class HealthResource {

    /** The answer: overall status and each component's. */
    public record Health(String status, Map<String, ComponentStatus> components) {
    }

    @Inject
    HealthService health;

    @GET
    @Operation(summary = "Whether this node can take calls, and the state of each part")
    public Response get() {
        Map<String, ComponentStatus> components = health.check();
        boolean takesCalls = components.values().stream().filter(ComponentStatus::required).allMatch(ComponentStatus::up);
        boolean all = components.values().stream().allMatch(ComponentStatus::up);
        return Response.status(takesCalls ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health(!takesCalls ? "DOWN" : all ? "UP" : "DEGRADED", components)).build();
    }
}
