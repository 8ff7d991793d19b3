package org.parley.ivr.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.parley.ivr.cluster.Claims;
import org.parley.ivr.cluster.Node;

/** The outbox table's reads and writes for delivery, each its own short transaction. */
@ApplicationScoped
public class OutboxRows {

    private static final System.Logger LOG = System.getLogger(OutboxRows.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /**
     * Claims up to {@code max} due events for this node, so that with several nodes each delivery is made by one:
     * the rows are locked ({@code for update skip locked} on PostgreSQL: another node's claim skips them instead of
     * waiting) and their next attempt moves {@code lease} ahead before the lock is released; {@link #settle} then
     * marks each delivered or due again. A node that dies in between leaves its claims to be retried when the
     * lease runs out (the receiver sees the same idempotency key).
     */
    @Transactional
    public List<OutboxEvent> claimDue(int max, Duration lease) {
        Instant now = Instant.now();
        // Ids first, in the due index's order: neither a sort of the whole backlog nor its payloads (large texts, which
        // H2 copies for every row it returns) are read to claim a batch; then the claimed rows themselves.
        List<Long> ids = Claims.lockSkippingLocked(em.createQuery("select e.id from OutboxEvent e where e.deliveredAt is null"
                + " and e.dead = false and e.nextAttemptAt <= :now order by e.nextAttemptAt, e.id", Long.class).setParameter("now", now), max);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> due = em.createQuery("select e from OutboxEvent e where e.id in :ids order by e.id", OutboxEvent.class)
                .setParameter("ids", ids).getResultList();
        String node = Node.name();
        for (OutboxEvent e : due) {
            e.claim(node, now.plus(lease));
        }
        return due;
    }

    /** Settles a batch of outcomes (event row id to null or the error) in one transaction. */
    @Transactional
    public void settle(java.util.Map<Long, String> outcomes, int maxAttempts, long maxBackoffMillis) {
        outcomes.forEach((id, error) -> settleOne(id, error, maxAttempts, maxBackoffMillis));
    }

    private void settleOne(long id, String error, int maxAttempts, long maxBackoffMillis) {
        OutboxEvent e = em.find(OutboxEvent.class, id);
        Instant now = Instant.now();
        if (error == null) {
            e.delivered(now);
            return;
        }
        long backoff = Math.min(maxBackoffMillis, 500L << Math.min(e.getAttempts(), 20));
        e.failed(error, now, backoff, maxAttempts);
        if (e.isDead()) {
            LOG.log(Level.WARNING, "Event {0} ({1}, call {2}) to {3} is dead after {4} attempts: {5}; replay it with POST /api/events/dead/{6}/replay",
                    e.getEventId(), e.getType(), e.getCallUniqueId(), e.getTarget(), e.getAttempts(), error, e.getId());
        } else {
            LOG.log(Level.DEBUG, "Event {0} to {1} failed ({2}); attempt {3} of {4}, next in {5} ms", e.getEventId(), e.getTarget(),
                    error, e.getAttempts(), maxAttempts, backoff);
        }
    }

    /** Events still being retried after at least one failed attempt, oldest first. */
    @Transactional
    public List<OutboxEvent> failing(int max) {
        return em.createQuery("select e from OutboxEvent e where e.deliveredAt is null and e.dead = false and e.attempts > 0 order by e.id",
                OutboxEvent.class).setMaxResults(max).getResultList();
    }

    /** Dead events, oldest first. */
    @Transactional
    public List<OutboxEvent> dead(int max) {
        return em.createQuery("select e from OutboxEvent e where e.dead = true order by e.id", OutboxEvent.class)
                .setMaxResults(max).getResultList();
    }

    /** Puts a dead event (or all, when {@code id} is null) back in line; returns how many. */
    @Transactional
    public int replay(Long id) {
        List<OutboxEvent> rows = id == null
                ? em.createQuery("select e from OutboxEvent e where e.dead = true", OutboxEvent.class).getResultList()
                : em.createQuery("select e from OutboxEvent e where e.dead = true and e.id = :id", OutboxEvent.class)
                        .setParameter("id", id).getResultList();
        Instant now = Instant.now();
        rows.forEach(e -> e.revive(now));
        return rows.size();
    }

    /** Counts for operators: waiting, delivered, dead. */
    @Transactional
    public java.util.Map<String, Long> counts() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("pending", em.createQuery("select count(e) from OutboxEvent e where e.deliveredAt is null and e.dead = false", Long.class)
                .getSingleResult());
        counts.put("delivered", em.createQuery("select count(e) from OutboxEvent e where e.deliveredAt is not null", Long.class)
                .getSingleResult());
        counts.put("dead", em.createQuery("select count(e) from OutboxEvent e where e.dead = true", Long.class).getSingleResult());
        return counts;
    }

    /** How many events wait to be delivered and how many are dead, in that order (both read the due index). */
    @Transactional
    public long[] backlogAndDead() {
        return new long[] {
            em.createQuery("select count(e) from OutboxEvent e where e.deliveredAt is null and e.dead = false", Long.class).getSingleResult(),
            em.createQuery("select count(e) from OutboxEvent e where e.deliveredAt is null and e.dead = true", Long.class).getSingleResult()};
    }

    /** Delivered events per target. */
    @Transactional
    public java.util.Map<String, Long> deliveredByTarget() {
        java.util.Map<String, Long> byTarget = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("select e.target, count(e) from OutboxEvent e where e.deliveredAt is not null group by e.target",
                Object[].class).getResultList()) {
            byTarget.put((String) row[0], (Long) row[1]);
        }
        return byTarget;
    }
}
