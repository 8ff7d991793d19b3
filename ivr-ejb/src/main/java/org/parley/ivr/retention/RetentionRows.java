package org.parley.ivr.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.parley.ivr.call.CallStatus;
import org.parley.ivr.callback.CallbackRequest;

/**
 * The deletes behind {@link Retention}: each method removes at most {@code max} of the oldest rows past
 * the cut-off in one transaction and answers how many, so a long backlog is worked off in short
 * transactions that never hold the tables the calls write to for long.
 */
@ApplicationScoped
public class RetentionRows {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /**
     * Calls that ended before {@code before}, with their turns and decisions. A call still in progress
     * is never deleted, however old (the node that has it closes it).
     */
    @Transactional
    public int calls(Instant before, int max) {
        List<Long> ids = em.createQuery("select c.id from CallRecord c where c.status <> :open and c.endedAt < :before order by c.id",
                        Long.class)
                .setParameter("open", CallStatus.IN_PROGRESS).setParameter("before", before).setMaxResults(max).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        // Bulk deletes do not cascade: decisions, then turns, then the calls.
        em.createQuery("delete from DecisionRecord d where d.turn.id in (select t.id from Turn t where t.call.id in :ids)")
                .setParameter("ids", ids).executeUpdate();
        em.createQuery("delete from Turn t where t.call.id in :ids").setParameter("ids", ids).executeUpdate();
        return em.createQuery("delete from CallRecord c where c.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    /** Call events delivered before {@code before}. */
    @Transactional
    public int deliveredEvents(Instant before, int max) {
        return deleteEvents(em.createQuery("select e.id from OutboxEvent e where e.deliveredAt < :before order by e.id", Long.class)
                .setParameter("before", before).setMaxResults(max).getResultList());
    }

    /** Dead call events (never delivered, never replayed) created before {@code before}. */
    @Transactional
    public int deadEvents(Instant before, int max) {
        return deleteEvents(em.createQuery("select e.id from OutboxEvent e where e.dead = true and e.createdAt < :before order by e.id",
                        Long.class)
                .setParameter("before", before).setMaxResults(max).getResultList());
    }

    private int deleteEvents(List<Long> ids) {
        return ids.isEmpty() ? 0 : em.createQuery("delete from OutboxEvent e where e.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    /** Callbacks placed or given up on, asked for before {@code before}; pending ones are kept. */
    @Transactional
    public int finishedCallbacks(Instant before, int max) {
        List<Long> ids = em.createQuery("select c.id from CallbackRequest c where c.status <> :pending and c.createdAt < :before"
                        + " order by c.id", Long.class)
                .setParameter("pending", CallbackRequest.Status.PENDING).setParameter("before", before).setMaxResults(max).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from CallbackRequest c where c.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
