package org.parley.ivr.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.TwoNodes;
import org.parley.ivr.cluster.Node;

/**
 * The outbox as delivery works it, on the test database (H2, and PostgreSQL in the postgresql execution): events
 * recorded for every target come due, a delivery settles them, a failure is retried later and dies after its last
 * attempt, a dead letter can be put back in line, and the counts the metrics and the API show agree.
 */
class OutboxRowsTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private EntityManagerFactory emf;
    private EntityManager em;
    private EventOutbox outbox;
    private OutboxRows rows;

    @BeforeEach
    void openDatabase() {
        emf = TestDatabase.open();
        em = emf.createEntityManager();
        outbox = Outboxes.writingTo(em, "http://crm.example/hook", "http://bi.example/hook");
        rows = new OutboxRows();
        rows.em = em;
    }

    @AfterEach
    void closeDatabase() {
        TestDatabase.close(em, emf);
    }

    private <T> T in(Supplier<T> work) {
        return Transactions.in(em, work);
    }

    @Test
    void eventsAreDeliveredRetriedDeadAndReplayedExactlyAsTheyWereRecorded() {
        in(() -> {
            outbox.record("call.started", "1700000000.1", Json.createObjectBuilder().add("callerNumber", "5551234").build());
            outbox.record("call.ended", "1700000000.1", Json.createObjectBuilder().add("status", "ROUTED").build());
            return null;
        });
        List<OutboxEvent> due = in(() -> rows.claimDue(10, LEASE));
        assertThat(due).as("each event once per target").hasSize(4)
                .extracting(OutboxEvent::getTarget).containsExactly("http://crm.example/hook", "http://bi.example/hook",
                        "http://crm.example/hook", "http://bi.example/hook");
        assertThat(due.get(0).getPayload()).contains("\"type\":\"call.started\"", "\"callerNumber\":\"5551234\"");
        assertThat(due).extracting(OutboxEvent::getClaimedBy).containsOnly(Node.name());
        assertThat(in(() -> rows.claimDue(10, LEASE))).as("claimed rows are not due again while their delivery runs").isEmpty();

        Map<Long, String> outcomes = new LinkedHashMap<>();
        outcomes.put(due.get(0).getId(), null);
        outcomes.put(due.get(1).getId(), "HTTP 500");
        outcomes.put(due.get(2).getId(), null);
        outcomes.put(due.get(3).getId(), null);
        in(() -> {
            rows.settle(outcomes, 2, 60_000);
            return null;
        });
        em.clear();
        assertThat(in(() -> rows.claimDue(10, LEASE))).as("the failed one waits for its back-off").isEmpty();
        assertThat(in(() -> rows.failing(10))).singleElement().satisfies(e -> {
            assertThat(e.getAttempts()).isEqualTo(1);
            assertThat(e.getLastError()).isEqualTo("HTTP 500");
        });
        assertThat(in(() -> rows.backlogAndDead())).containsExactly(1, 0);

        in(() -> {
            rows.settle(Map.of(due.get(1).getId(), "HTTP 503"), 2, 60_000);
            return null;
        });
        em.clear();
        assertThat(in(() -> rows.dead(10))).singleElement().satisfies(e -> assertThat(e.getLastError()).isEqualTo("HTTP 503"));
        assertThat(in(() -> rows.backlogAndDead())).containsExactly(0, 1);

        assertThat(in(() -> rows.replay(due.get(1).getId()))).isEqualTo(1);
        em.clear();
        assertThat(in(() -> rows.claimDue(10, LEASE))).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo(due.get(1).getId());
            assertThat(e.isDead()).isFalse();
        });
        assertThat(in(() -> rows.backlogAndDead())).containsExactly(1, 0);
        assertThat(in(() -> rows.counts())).containsEntry("pending", 1L).containsEntry("delivered", 3L).containsEntry("dead", 0L);
        assertThat(in(() -> rows.deliveredByTarget())).containsEntry("http://crm.example/hook", 2L)
                .containsEntry("http://bi.example/hook", 1L);
    }

    /**
     * Two nodes (each its own connection and transactions, as two servers on one database) deliver the same backlog
     * at once: every event is claimed by exactly one of them and delivered once. Reading due rows without the claim
     * hands most events to both.
     */
    @Test
    void twoNodesDeliverEachEventOnce() throws Exception {
        in(() -> {
            for (int i = 0; i < 150; i++) {
                outbox.record("call.ended", "1700000000." + i, Json.createObjectBuilder().add("n", i).build());
            }
            return null;
        });
        Map<Long, String> deliveredBy = new ConcurrentHashMap<>();
        List<Long> twice = new CopyOnWriteArrayList<>();
        int total = TwoNodes.run(emf, (node, own) -> deliverAll(node, own, deliveredBy, twice)).stream().mapToInt(Integer::intValue).sum();
        assertThat(twice).as("events delivered by both nodes").isEmpty();
        assertThat(total).isEqualTo(300);
        assertThat(deliveredBy).hasSize(300);
        em.clear();
        assertThat(in(() -> rows.counts())).containsEntry("delivered", 300L).containsEntry("pending", 0L);
        assertThat(in(() -> em.createQuery("select max(e.attempts) from OutboxEvent e", Integer.class).getSingleResult()))
                .as("no event attempted twice").isEqualTo(1);
    }

    private static int deliverAll(String node, EntityManager own, Map<Long, String> deliveredBy, List<Long> twice) {
        OutboxRows nodeRows = new OutboxRows();
        nodeRows.em = own;
        int delivered = 0;
        for (List<OutboxEvent> batch = claim(own, nodeRows); !batch.isEmpty(); batch = claim(own, nodeRows)) {
            Map<Long, String> outcomes = new LinkedHashMap<>();
            for (OutboxEvent e : batch) {
                if (deliveredBy.putIfAbsent(e.getId(), node) != null) {
                    twice.add(e.getId());
                }
                outcomes.put(e.getId(), null);
            }
            Transactions.in(own, () -> {
                nodeRows.settle(outcomes, 3, 60_000);
                return null;
            });
            delivered += batch.size();
        }
        return delivered;
    }

    private static List<OutboxEvent> claim(EntityManager own, OutboxRows nodeRows) {
        own.clear();
        return Transactions.in(own, () -> nodeRows.claimDue(7, LEASE));
    }
}
