package org.parley.ivr.retention;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.call.CallRecord;
import org.parley.ivr.call.CallRepositories;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.CallStatus;
import org.parley.ivr.call.TurnData;
import org.parley.ivr.callback.CallbackRequest;
import org.parley.ivr.callback.CallbackStores;
import org.parley.ivr.callback.Callbacks;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.events.EventOutbox;
import org.parley.ivr.events.Outboxes;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.Situation;
import org.parley.rules.fact.Decision;
import org.parley.rules.fact.Utterance;

/**
 * Retention on real Hibernate and the test database: calls (with turns and decisions written by the
 * real repository from a real rule decision), events and callbacks past their days go, everything else
 * stays, and a backlog larger than a batch is worked off batch by batch.
 */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static RuleSet rules;

    private EntityManagerFactory emf;
    private EntityManager em;
    private CallRepository calls;
    private EventOutbox events;
    private Callbacks callbacks;
    private Retention retention;
    private int nextCall;

    @BeforeAll
    static void compileRules() throws RuleCompilationException {
        rules = RuleSet.defaults(RuleSet.class.getClassLoader());
    }

    @BeforeEach
    void openDatabase() {
        emf = TestDatabase.open();
        em = emf.createEntityManager();
        events = Outboxes.writingTo(em, "http://crm.example/hook");
        callbacks = CallbackStores.writingTo(em);
        calls = CallRepositories.writingTo(em, events, callbacks);
        RetentionRows rows = new RetentionRows() {
            // What @Transactional does in the server: each batch commits on its own.
            @Override
            public int calls(Instant before, int max) {
                return inTransaction(() -> super.calls(before, max));
            }

            @Override
            public int deliveredEvents(Instant before, int max) {
                return inTransaction(() -> super.deliveredEvents(before, max));
            }

            @Override
            public int deadEvents(Instant before, int max) {
                return inTransaction(() -> super.deadEvents(before, max));
            }

            @Override
            public int finishedCallbacks(Instant before, int max) {
                return inTransaction(() -> super.finishedCallbacks(before, max));
            }
        };
        rows.em = em;
        retention = new Retention();
        retention.rows = rows;
        retention.callsDays = 90;
        retention.eventsDays = 7;
        retention.deadEventsDays = 30;
        retention.callbacksDays = 30;
        retention.batch = 1000;
    }

    @AfterEach
    void closeDatabase() {
        TestDatabase.close(em, emf);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return Transactions.in(em, work);
    }

    /** A call with one decided turn, ended {@code daysAgo} before now (or still open when {@code status} is null). */
    private long call(int daysAgo, CallStatus status) {
        String uniqueId = "1700000000." + nextCall++;
        long id = inTransaction(() -> calls.start(new CallInfo(uniqueId, "PJSIP/trunk-0001", "5551234", "100", "ivr", "en")));
        Situation situation = Situation.fromYaml("caller: '5551234'\ntext: I lost my card\nintent: lost_card\nconfidence: 0.9\n",
                Situation.SCENARIO_TIME);
        var decided = rules.decide(situation);
        inTransaction(() -> {
            calls.recordTurn(id, new TurnData(1, Utterance.spoken("I lost my card"), null, situation, decided, 1200));
            if (status != null) {
                calls.finish(id, status, decided.decision());
            }
            return null;
        });
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        // Two statements, not a CASE with a parameter in it: PostgreSQL cannot tell that parameter's type.
        inTransaction(() -> em.createQuery("update CallRecord c set c.startedAt = :at where c.id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
        inTransaction(() -> em.createQuery("update CallRecord c set c.endedAt = :at where c.id = :id and c.endedAt is not null")
                .setParameter("at", at).setParameter("id", id).executeUpdate());
        return id;
    }

    private long count(String entity) {
        em.clear();
        return em.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult();
    }

    private boolean exists(long callId) {
        em.clear();
        return em.find(CallRecord.class, callId) != null;
    }

    @Test
    void endedCallsPastTheirDaysGoWithTheirTurnsAndDecisionsOpenAndRecentOnesStay() {
        long old = call(91, CallStatus.ROUTED);
        long abandoned = call(200, CallStatus.ABANDONED);
        long recent = call(89, CallStatus.ROUTED);
        long stillOpen = call(365, null);
        assertThat(count("Turn")).isEqualTo(4);
        assertThat(count("DecisionRecord")).isEqualTo(4);

        Retention.Purged purged = retention.purge(NOW);

        assertThat(purged.calls()).isEqualTo(2);
        assertThat(exists(old)).isFalse();
        assertThat(exists(abandoned)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(stillOpen)).as("a call in progress is its node's to close, however old").isTrue();
        assertThat(count("Turn")).isEqualTo(2);
        assertThat(count("DecisionRecord")).isEqualTo(2);
        assertThat(retention.purge(NOW).calls()).as("nothing is deleted twice").isZero();
    }

    @Test
    void aBacklogLargerThanABatchIsWorkedOffBatchByBatch() {
        for (int i = 0; i < 7; i++) {
            call(100 + i, CallStatus.COMPLETED);
        }
        long kept = call(1, CallStatus.COMPLETED);
        retention.batch = 2;

        assertThat(retention.purge(NOW).calls()).isEqualTo(7);
        assertThat(count("CallRecord")).isEqualTo(1);
        assertThat(exists(kept)).isTrue();
    }

    @Test
    void zeroDaysKeepsForGood() {
        long old = call(3650, CallStatus.ROUTED);
        retention.callsDays = 0;
        retention.eventsDays = 0;
        retention.deadEventsDays = 0;

        assertThat(retention.purge(NOW).total()).isZero();
        assertThat(exists(old)).isTrue();
    }

    /** An outbox event created {@code daysAgo}, then delivered, dead or still being retried. */
    private void event(String name, int daysAgo, String state) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        inTransaction(() -> {
            events.record("call.ended", name, jakarta.json.Json.createObjectBuilder().build());
            return em.createQuery("update OutboxEvent e set e.createdAt = :at, e.attempts = 1, e.deliveredAt = :delivered, e.dead = :dead"
                            + " where e.callUniqueId = :name")
                    .setParameter("at", at).setParameter("delivered", "delivered".equals(state) ? at : null)
                    .setParameter("dead", "dead".equals(state)).setParameter("name", name).executeUpdate();
        });
    }

    @Test
    void deliveredEventsGoAfterTheirDaysDeadOnesLaterAndUndeliveredOnesNever() {
        event("delivered-8-days-ago", 8, "delivered");
        event("delivered-6-days-ago", 6, "delivered");
        event("dead-31-days-ago", 31, "dead");
        event("dead-29-days-ago", 29, "dead");
        event("retrying-60-days", 60, "retrying");

        Retention.Purged purged = retention.purge(NOW);

        assertThat(purged.deliveredEvents()).isEqualTo(1);
        assertThat(purged.deadEvents()).isEqualTo(1);
        em.clear();
        assertThat(em.createQuery("select e.callUniqueId from OutboxEvent e order by e.id", String.class).getResultList())
                .containsExactly("delivered-6-days-ago", "dead-29-days-ago", "retrying-60-days");
    }

    @Test
    void finishedCallbacksGoPendingOnesStay() {
        String[][] asked = {{"placed-31-days-ago", "PLACED", "31"}, {"failed-40-days-ago", "FAILED", "40"},
            {"pending-40-days-ago", "PENDING", "40"}, {"placed-2-days-ago", "PLACED", "2"}};
        for (String[] c : asked) {
            Instant at = NOW.minus(Duration.ofDays(Integer.parseInt(c[2])));
            inTransaction(() -> {
                assertThat(callbacks.request(c[0], "555123" + c[2], "cards", 1)).isNull();
                return em.createQuery("update CallbackRequest c set c.status = :status, c.createdAt = :at where c.callUniqueId = :id")
                        .setParameter("status", CallbackRequest.Status.valueOf(c[1])).setParameter("at", at).setParameter("id", c[0])
                        .executeUpdate();
            });
        }

        assertThat(retention.purge(NOW).callbacks()).isEqualTo(2);
        em.clear();
        assertThat(em.createQuery("select c.callUniqueId from CallbackRequest c order by c.id", String.class).getResultList())
                .containsExactly("pending-40-days-ago", "placed-2-days-ago");
    }
}
