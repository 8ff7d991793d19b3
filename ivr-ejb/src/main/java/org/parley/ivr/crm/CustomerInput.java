package org.parley.ivr.crm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer as a CRM sends it (REST JSON or a CSV row). Every constraint names the field, so a bad
 * payload is answered with all of its errors at once.
 */
public record CustomerInput(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1 to 64 letters, digits or . _ : -")
        String customerId,
        @NotBlank(message = "is required")
        @Pattern(regexp = "\\+?[0-9 ()./-]{4,31}", message = "must be a phone number such as +15551234567 or (555) 123-4567")
        String phone,
        @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,31}", message = "must be a segment name such as VIP or standard")
        String tier,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code such as en or es")
        String language) {
}
