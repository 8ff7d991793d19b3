package org.parley.web.callbacks;

import jakarta.annotation.security.RolesAllowed;
import org.parley.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.callback.CallbackRequest;
import org.parley.ivr.callback.Callbacks;

/** Callbacks offered to callers: pending, placed through Asterisk, or failed. */
@RolesAllowed(Roles.SUPERVISOR)
@Path("/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "callbacks")
public class CallbacksResource {

    /** One callback. */
    public record CallbackView(long id, String callUniqueId, String number, String queue, int priority, Instant dueAt, String status,
                               int attempts, String lastError, Instant placedAt) {
        static CallbackView of(CallbackRequest c) {
            return new CallbackView(c.getId(), c.getCallUniqueId(), c.getNumber(), c.getQueue(), c.getPriority(), c.getDueAt(),
                    c.getStatus().name(), c.getAttempts(), c.getLastError(), c.getPlacedAt());
        }
    }

    @Inject
    Callbacks callbacks;

    @GET
    @Operation(summary = "The most recent callbacks, newest first")
    public List<CallbackView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be 1..1000; got " + limit);
        }
        return callbacks.recent(limit).stream().map(CallbackView::of).toList();
    }
}
