package org.parley.ivr.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.cluster.Claims;
import org.parley.ivr.cluster.Node;

/**
 * Stores the callbacks the rules offer (in the call's own transaction); the AMI callback route
 * places them when due (Originate) and settles them here. Without AMI they stay pending and are
 * listed at {@code /api/callbacks} for a person to call.
 */
@ApplicationScoped
public class Callbacks {

    private static final System.Logger LOG = System.getLogger(Callbacks.class.getName());
    private static final int MAX_ATTEMPTS = 3;

    /** How long a claimed callback stays this node's: far longer than one Originate (at most 10 s each, 20 a batch). */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

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

    /**
     * Where callbacks may go. The number is the caller ID, which the caller can spoof: a callback to a
     * premium or foreign number would cost the operator, and repeated calls would make Parley a dialler.
     */
    @Inject
    @ConfigProperty(name = "parley.callback.allowed-numbers", defaultValue = "\\+?[0-9]{3,15}")
    String allowedNumbers;

    /** Never called back, whatever the allowed pattern says (default: NANP 900/976, UK 09/087/070, satellite and international networks). */
    @Inject
    @ConfigProperty(name = "parley.callback.refused-numbers",
            defaultValue = "(\\+?1)?(900|976)[0-9]{7}|(\\+44|0)(9|87|70)[0-9]+|\\+?(881|882|883)[0-9]+")
    String refusedNumbers;

    /** At most this many callbacks to one number in 24 hours. */
    @Inject
    @ConfigProperty(name = "parley.callback.max-per-number-per-day", defaultValue = "3")
    int maxPerNumberPerDay;

    /**
     * Records a callback, joining the call record's transaction, when the number passes the destination
     * policy and the per-number limit; otherwise logs why and records nothing.
     *
     * @return why the callback was refused, or null when it was recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String request(String callUniqueId, String number, String queue, int priority) {
        String refusal = refusal(number);
        if (refusal != null) {
            LOG.log(Level.WARNING, "call {0}: no callback to {1}: {2}", callUniqueId, number, refusal);
            return refusal;
        }
        em.persist(new CallbackRequest(callUniqueId, number, queue, priority, Instant.now().plusSeconds(delaySeconds)));
        return null;
    }

    private String refusal(String number) {
        if (number == null || !number.matches(allowedNumbers)) {
            return "the number does not match parley.callback.allowed-numbers";
        }
        if (number.matches(refusedNumbers)) {
            return "the number matches parley.callback.refused-numbers (premium or international-network ranges)";
        }
        long recent = em.createQuery("select count(c) from CallbackRequest c where c.number = :number and c.createdAt > :since", Long.class)
                .setParameter("number", number).setParameter("since", Instant.now().minusSeconds(86_400)).getSingleResult();
        if (recent >= maxPerNumberPerDay) {
            return recent + " callbacks to this number in the last 24 hours (parley.callback.max-per-number-per-day)";
        }
        return null;
    }

    /**
     * Claims up to {@code max} due callbacks for this node, so that with several nodes each is placed once:
     * the rows are locked ({@code for update skip locked} on PostgreSQL, so another node's claim skips them
     * instead of waiting) and their due time moves {@link #CLAIM_LEASE} ahead before the lock is released.
     * {@link #settle} then marks each placed or due again. A node that dies between the two leaves its
     * claims to be taken again when the lease runs out (placed twice rather than never).
     */
    @Transactional
    public List<CallbackRequest> claimDue(int max) {
        Instant now = Instant.now();
        List<CallbackRequest> due = Claims.lockSkippingLocked(em.createQuery(
                        "select c from CallbackRequest c where c.status = :pending and c.dueAt <= :now order by c.dueAt", CallbackRequest.class)
                .setParameter("pending", CallbackRequest.Status.PENDING).setParameter("now", now), max);
        String node = Node.name();
        for (CallbackRequest c : due) {
            c.claim(node, now.plus(CLAIM_LEASE));
        }
        return due;
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
