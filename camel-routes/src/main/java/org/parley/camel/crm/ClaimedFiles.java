package org.parley.camel.crm;

import java.lang.System.Logger.Level;
import java.time.Duration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.parley.ivr.crm.ImportClaims;

/**
 * The CRM drop directory's read lock across nodes: Camel's file consumer (read lock {@code idempotent-changed}) asks
 * this repository before it reads a file, and only the node whose claim in the database succeeds imports it
 * ({@link ImportClaims}). A claim that cannot be made — another node holds it, won the insert, or the database is
 * away — leaves the file for a later poll.
 */
final class ClaimedFiles extends ServiceSupport implements IdempotentRepository {

    private static final System.Logger LOG = System.getLogger(ClaimedFiles.class.getName());

    private final ImportClaims claims;
    private final String node;
    private final Duration lease;

    ClaimedFiles(ImportClaims claims, String node, Duration lease) {
        this.claims = claims;
        this.node = node;
        this.lease = lease;
    }

    @Override
    public boolean add(String key) {
        try {
            return claims.claim(key, node, lease);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "CRM import " + key + " not claimed by " + node + " this time: " + e);
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        return claims.claimed(key);
    }

    @Override
    public boolean remove(String key) {
        claims.release(key);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Nothing: the claims of other nodes are theirs. */
    @Override
    public void clear() {
    }
}
