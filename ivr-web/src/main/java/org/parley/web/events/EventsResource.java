package org.parley.web.events;

import jakarta.annotation.security.RolesAllowed;
import org.parley.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.events.EventDelivery;
import org.parley.ivr.events.OutboxEvent;

/** Call events to the CRM: delivery counts, the dead-letter store and replay. */
@RolesAllowed(Roles.ADMIN)
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "events")
public class EventsResource {

    /** The authenticated user, for the audit of replays. */
    @jakarta.inject.Inject
    java.security.Principal caller;

    private static final System.Logger AUDIT = System.getLogger("org.parley.audit");

    /** An event that could not be delivered. */
    public record DeadEvent(long id, String eventId, String type, String target, String callUniqueId, int attempts, String lastError,
                            Instant createdAt) {
        static DeadEvent of(OutboxEvent e) {
            return new DeadEvent(e.getId(), e.getEventId(), e.getType(), e.getTarget(), e.getCallUniqueId(), e.getAttempts(),
                    e.getLastError(), e.getCreatedAt());
        }
    }

    /** An event still being retried: how often it failed, why, and when it is tried again. */
    public record FailingEvent(long id, String eventId, String type, String target, String callUniqueId, int attempts, String lastError,
                               Instant nextAttemptAt) {
        static FailingEvent of(OutboxEvent e) {
            return new FailingEvent(e.getId(), e.getEventId(), e.getType(), e.getTarget(), e.getCallUniqueId(), e.getAttempts(),
                    e.getLastError(), e.getNextAttemptAt());
        }
    }

    @Inject
    EventDelivery delivery;

    @GET
    @Operation(summary = "Events waiting, delivered and dead")
    public Map<String, Long> counts() {
        return delivery.counts();
    }

    @GET
    @Path("/targets")
    @Operation(summary = "Delivered events per target (webhook URL or jms:<topic>)")
    public Map<String, Long> targets() {
        return delivery.deliveredByTarget();
    }

    @GET
    @Path("/failing")
    @Operation(summary = "Events that failed at least once and are still being retried, oldest first: what is stuck before it dies")
    public List<FailingEvent> failing(@QueryParam("limit") @DefaultValue("100") int limit) {
        return delivery.failing(checked(limit)).stream().map(FailingEvent::of).toList();
    }

    @GET
    @Path("/dead")
    @Operation(summary = "Events that ran out of delivery attempts, oldest first")
    public List<DeadEvent> dead(@QueryParam("limit") @DefaultValue("100") int limit) {
        return delivery.dead(checked(limit)).stream().map(DeadEvent::of).toList();
    }

    @POST
    @Path("/dead/{id}/replay")
    @Operation(summary = "Deliver one dead event again (from the first attempt)")
    public Map<String, Integer> replay(@PathParam("id") long id) {
        int n = delivery.replay(id);
        if (n == 0) {
            throw new NotFoundException("no dead event " + id);
        }
        AUDIT.log(System.Logger.Level.INFO, "{0} replayed dead event {1}", caller.getName(), id);
        return Map.of("replayed", n);
    }

    @POST
    @Path("/dead/replay")
    @Operation(summary = "Deliver every dead event again")
    public Map<String, Integer> replayAll() {
        int n = delivery.replay(null);
        AUDIT.log(System.Logger.Level.INFO, "{0} replayed all {1} dead events", caller.getName(), n);
        return Map.of("replayed", n);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be 1..1000; got " + limit);
        }
        return limit;
    }
}
