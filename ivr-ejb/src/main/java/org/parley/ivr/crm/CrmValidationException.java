package org.parley.ivr.crm;

import java.util.List;
import java.util.stream.Collectors;

/** A CRM payload did not validate; nothing was stored. */
public class CrmValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public CrmValidationException(String what, List<FieldError> errors) {
        super(what + " is not valid: " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
