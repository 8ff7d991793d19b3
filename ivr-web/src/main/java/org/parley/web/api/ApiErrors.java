package org.parley.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every API error as JSON that says what was wrong: {@code {"status":404,"error":"no call with id 7"}}. */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

    /** The error body. */
    public record ApiError(int status, String error) {
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status, e.getMessage())).build();
    }
}
