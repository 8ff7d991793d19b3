package org.parley.web.rules;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.parley.ivr.rules.RuleLifecycleException;
import org.parley.web.api.ApiErrors;

/**
 * A lifecycle step refused as asked, in the API's error shape: 404 for a version that does not exist, 403
 * for reviewing one's own proposal, 409 for a version in the wrong state (approving a published one,
 * rolling back to a proposed or rejected one).
 */
@Provider
public class RuleLifecycleErrors implements ExceptionMapper<RuleLifecycleException> {

    @Override
    public Response toResponse(RuleLifecycleException e) {
        int status = switch (e.reason()) {
            case NO_SUCH_VERSION -> 404;
            case OWN_PROPOSAL -> 403;
            case NOT_PROPOSED, NOT_PUBLISHED -> 409;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiErrors.ApiError(status, e.getMessage())).build();
    }
}
