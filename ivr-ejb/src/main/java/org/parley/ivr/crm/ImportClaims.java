package org.parley.ivr.crm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Which node imports a CRM drop file, when several nodes watch one shared directory: the first to insert the file's
 * row has it; the others skip the file while the claim is younger than the lease, and take it over once it is older
 * (its node died mid-import; the import is idempotent per customer, so reading the file again loses nothing). The
 * claim is released when the file has been moved to {@code done/} or {@code error/}. Camel's file consumer asks
 * through an idempotent repository (camel-routes' {@code ClaimedFiles}); Camel's own clustered repositories need
 * Spring JDBC or a second Infinispan client, while this is one table in Parley's schema.
 */
@ApplicationScoped
public class ImportClaims {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /**
     * Claims {@code fileKey} for {@code node}, in its own transaction: true when it is this node's now (a new claim, its
     * own claim again, or a claim older than {@code lease} taken over). Two nodes inserting the same new key at once:
     * one commit fails on the key, and that node's call throws — its caller takes it as "not claimed".
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String fileKey, String node, Duration lease) {
        ImportClaim claim = em.find(ImportClaim.class, fileKey, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (claim == null) {
            em.persist(new ImportClaim(fileKey, node, now));
            em.flush();
            return true;
        }
        if (claim.getClaimedBy().equals(node) || claim.getClaimedAt().plus(lease).isBefore(now)) {
            claim.takeOver(node, now);
            return true;
        }
        return false;
    }

    /** Whether some node holds a claim on {@code fileKey}. */
    @Transactional
    public boolean claimed(String fileKey) {
        return em.find(ImportClaim.class, fileKey) != null;
    }

    /** Ends the claim on {@code fileKey}: the file is gone from the drop directory (or its import is given up). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String fileKey) {
        ImportClaim claim = em.find(ImportClaim.class, fileKey);
        if (claim != null) {
            em.remove(claim);
        }
    }
}
