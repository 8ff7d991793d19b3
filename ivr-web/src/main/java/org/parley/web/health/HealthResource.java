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
import org.parley.health.ComponentStatus;

/**
 * The console's summary of every part's health check (the probes read the same at {@code /health/ready} on the
 * management port): UP (200) when every part is up; DEGRADED (200) when an optional part (AMI link, external CRM,
 * speech) is down but calls are taken; DOWN (503) when a part calls need is down; with each part's state.
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
    Parts parts;

    @GET
    @Operation(summary = "Whether this node can take calls, and the state of each part")
    public Response get() {
        Map<String, ComponentStatus> components = parts.states();
        boolean takesCalls = ComponentStatus.takesCalls(components.values());
        boolean all = components.values().stream().allMatch(ComponentStatus::up);
        return Response.status(takesCalls ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health(!takesCalls ? "DOWN" : all ? "UP" : "DEGRADED", components)).build();
    }
}
