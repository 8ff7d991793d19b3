package org.parley.ivr.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores the callbacks the rules offer (in the call's own transaction); the AMI callback route
 * places them when due (Originate) and settles them here. Without AMI they stay pending and are
 * listed at {@code /api/callbacks} for a person to call.
 */
@ApplicationScoped
public class Callbacks {

    private static final System.Logger LOG = System.getLogger(Callbacks.class.getName());
    private static final int MAX_ATTEMPTS = 3;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** How long after the call the callback is placed. */
    @Inject
    @ConfigProperty(name = "parley.callback.delay-seconds", defaultValue = "300")
    long delaySeconds;

    /** How long after a failed attempt it is tried again. */
    @Inject
    @ConfigProperty(name = "parley.callback.retry-seconds", defaultValue = "120")
    long retrySeconds;

    /** Records a callback; joins the call record's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String callUniqueId, String number, String queue, int priority) {
        em.persist(new CallbackRequest(callUniqueId, number, queue, priority, Instant.now().plusSeconds(delaySeconds)));
    }

    @Transactional
    public List<CallbackRequest> due(int max) {
        return em.createQuery("select c from CallbackRequest c where c.status = :pending and c.dueAt <= :now order by c.dueAt",
                        CallbackRequest.class)
                .setParameter("pending", CallbackRequest.Status.PENDING).setParameter("now", Instant.now())
                .setMaxResults(max).getResultList();
    }

    @Transactional
    public List<CallbackRequest> recent(int max) {
        return em.createQuery("select c from CallbackRequest c order by c.id desc", CallbackRequest.class).setMaxResults(max).getResultList();
    }

    /** Records how placing a callback went: null error means placed; otherwise retried later, then failed. */
    @Transactional
    public void settle(long id, String error) {
        CallbackRequest c = em.find(CallbackRequest.class, id);
        if (error == null) {
            c.placed(Instant.now());
            LOG.log(Level.INFO, "Callback {0}: calling {1} back from queue {2}", id, c.getNumber(), c.getQueue());
        } else {
            c.failed(error, Instant.now().plusSeconds(retrySeconds), MAX_ATTEMPTS);
            LOG.log(Level.WARNING, "Callback {0} to {1} failed ({2}); {3}", id, c.getNumber(), error,
                    c.getStatus() == CallbackRequest.Status.FAILED ? "giving up after " + MAX_ATTEMPTS + " attempts" : "retrying at " + c.getDueAt());
        }
    }
}
