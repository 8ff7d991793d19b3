package org.parley.web.crm;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.parley.ivr.crm.CrmValidationException;
import org.parley.ivr.crm.FieldError;

/** A CRM payload that does not validate: 400 with every field error; nothing was stored. */
@Provider
public class CrmErrors implements ExceptionMapper<CrmValidationException> {

    /** The error body: {@code {"status":400,"error":"customer is not valid: ...","fields":[{"field":"phone","message":"..."}]}}. */
    public record ValidationError(int status, String error, List<FieldError> fields) {
    }

    @Override
    public Response toResponse(CrmValidationException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ValidationError(400, e.getMessage() + "; nothing was stored", e.errors())).build();
    }
}
