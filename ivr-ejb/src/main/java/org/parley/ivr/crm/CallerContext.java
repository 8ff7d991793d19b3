package org.parley.ivr.crm;

import java.io.Serializable;
import java.time.Instant;

/**
 * What Parley knows about one caller number: the CRM profile (null fields when the number is not a
 * known customer), open cases, and the last routed call. {@code stale} when the CRM could not be
 * asked and the profile is the local store's older copy. Immutable and serializable, so a
 * replicated cache can carry it between nodes.
 */
public record CallerContext(String number, String customerId, String name, String tier, String language, int openCases,
                            String lastQueue, Instant lastCallAt, Instant loadedAt, boolean stale) implements Serializable {

    /** Whether the CRM knows this caller. */
    public boolean known() {
        return customerId != null;
    }

    /** The same context after a routed call. */
    public CallerContext afterCall(String queue, Instant at) {
        return new CallerContext(number, customerId, name, tier, language, openCases, queue, at, loadedAt, stale);
    }

    /** The same context marked as an older copy. */
    public CallerContext asStale() {
        return new CallerContext(number, customerId, name, tier, language, openCases, lastQueue, lastCallAt, loadedAt, true);
    }
}
