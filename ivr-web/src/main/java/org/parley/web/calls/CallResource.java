package org.parley.web.calls;

import jakarta.annotation.security.RolesAllowed;
import org.parley.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.CallView;
import org.parley.ivr.decision.ReplayService;
import org.parley.rules.engine.RuleCompilationException;

/** Recorded calls, newest first, and one call with every turn and decision. */
@RolesAllowed(Roles.SUPERVISOR)
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "calls")
public class CallResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    CallRepository calls;

    @Inject
    ReplayService replays;

    @GET
    @Operation(summary = "Recent calls, newest first")
    public List<CallView.Summary> list(@QueryParam("limit") @DefaultValue("50") int limit,
                                       @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new BadRequestException("limit must be 1.." + MAX_LIMIT + " and offset 0 or more; got limit=" + limit + ", offset=" + offset);
        }
        return calls.recent(limit, offset);
    }

    @GET
    @Path("/{id}/turns/{turn}/replay")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
    @Operation(summary = "Decide a recorded turn again under another rule-set version and show what would have changed")
    public ReplayService.Replay replay(@PathParam("id") long id, @PathParam("turn") int turn, @QueryParam("version") Integer version)
            throws RuleCompilationException {
        if (version == null) {
            throw new BadRequestException("say which rule-set version to replay against: ?version=N");
        }
        try {
            return replays.replay(id, turn, version);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One call with its turns, decisions, fired rules and the facts they saw")
    public CallView.Detail get(@PathParam("id") long id) {
        return calls.find(id).orElseThrow(() -> new NotFoundException("no call with id " + id));
    }
}
