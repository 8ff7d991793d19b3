package org.parley.ivr.dialog;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.infinispan.Cache;

/**
 * The dialog state of the calls in progress, in the server's Infinispan cache {@code dialog-state} (container
 * {@code parley}: local on a single node; distributed with two owners in a cluster, so the state of a call outlives
 * the node that had it). Written after each turn that asks again, read when a call arrives, removed when the call ends
 * here; entries expire after an hour (no call stays that long in the IVR), so a call whose node died without ending it
 * leaves nothing behind for long. A cache that fails never fails the call: the call goes on and just cannot be resumed
 * elsewhere.
 */
@ApplicationScoped
public class DialogStates {

    private static final System.Logger LOG = System.getLogger(DialogStates.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/parley/dialog-state")
    Cache<String, DialogState> cache;

    /** The state another node left for this call, when it is being resumed. */
    public Optional<DialogState> find(String uniqueId) {
        try {
            return Optional.ofNullable(cache.get(uniqueId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call {0}: dialog state unavailable, starting the dialog afresh: {1}", uniqueId, e.toString());
            return Optional.empty();
        }
    }

    public void save(String uniqueId, DialogState state) {
        try {
            cache.put(uniqueId, state);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call {0}: could not keep its dialog state (another node could not resume it): {1}", uniqueId,
                    e.toString());
        }
    }

    public void forget(String uniqueId) {
        try {
            cache.remove(uniqueId);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "call {0}: dialog state not removed (it expires): {1}", uniqueId, e.toString());
        }
    }
}
