package org.parley.ivr.cluster;

import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.hibernate.LockOptions;
import org.hibernate.jpa.SpecHints;

/** How a node claims rows of shared work (due callbacks, due event deliveries) so that no other node takes them too. */
public final class Claims {

    private Claims() {
    }

    /**
     * Up to {@code max} rows of {@code query}, locked for this transaction; rows another node's transaction holds are
     * skipped rather than waited for ({@code for update skip locked} on PostgreSQL; H2 waits). The caller moves each
     * row's due time past a lease before committing, so the claim outlives the lock.
     */
    public static <T> List<T> lockSkippingLocked(TypedQuery<T> query, int max) {
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                .setMaxResults(max).getResultList();
    }
}
