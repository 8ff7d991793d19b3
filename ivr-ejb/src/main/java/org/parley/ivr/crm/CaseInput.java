package org.parley.ivr.crm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A case (ticket) as a CRM sends it. */
public record CaseInput(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1 to 64 letters, digits or . _ : -")
        String caseId,
        @NotBlank(message = "is required")
        String customerId,
        @Size(max = 300, message = "must be at most 300 characters")
        String subject,
        @NotNull(message = "is required (open or closed)")
        @Pattern(regexp = "open|closed", message = "must be open or closed")
        String status) {
}
