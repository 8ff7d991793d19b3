package org.parley.web.calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.CallView;

/** Recorded calls, newest first, and one call with every turn and decision. */
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "calls")
public class CallResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    CallRepository calls;

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
    @Path("/{id}")
    @Operation(summary = "One call with its turns, decisions, fired rules and the facts they saw")
    public CallView.Detail get(@PathParam("id") long id) {
        return calls.find(id).orElseThrow(() -> new NotFoundException("no call with id " + id));
    }
}
