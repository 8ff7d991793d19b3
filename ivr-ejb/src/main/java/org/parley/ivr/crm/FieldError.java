package org.parley.ivr.crm;

/** One thing wrong with a CRM payload: the field and what it must be. */
public record FieldError(String field, String message) {
}
