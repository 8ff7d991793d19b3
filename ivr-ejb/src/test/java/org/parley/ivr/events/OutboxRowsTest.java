package org.parley.ivr.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;

/**
 * The outbox as delivery works it, on the test database (H2, and PostgreSQL in the postgresql execution): events
 * recorded for every target come due, a delivery settles them, a failure is retried later and dies after its last
 * attempt, a dead letter can be put back in line, and the counts the metrics and the API show agree.
 */
class OutboxRowsTest {

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
        List<OutboxEvent> due = in(() -> rows.due(10));
        assertThat(due).as("each event once per target").hasSize(4)
                .extracting(OutboxEvent::getTarget).containsExactly("http://crm.example/hook", "http://bi.example/hook",
                        "http://crm.example/hook", "http://bi.example/hook");
        assertThat(due.get(0).getPayload()).contains("\"type\":\"call.started\"", "\"callerNumber\":\"5551234\"");

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
        assertThat(in(() -> rows.due(10))).as("the failed one waits for its back-off").isEmpty();
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
        assertThat(in(() -> rows.due(10))).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo(due.get(1).getId());
            assertThat(e.isDead()).isFalse();
        });
        assertThat(in(() -> rows.backlogAndDead())).containsExactly(1, 0);
        assertThat(in(() -> rows.counts())).containsEntry("pending", 1L).containsEntry("delivered", 3L).containsEntry("dead", 0L);
        assertThat(in(() -> rows.deliveredByTarget())).containsEntry("http://crm.example/hook", 2L)
                .containsEntry("http://bi.example/hook", 1L);
    }
}
