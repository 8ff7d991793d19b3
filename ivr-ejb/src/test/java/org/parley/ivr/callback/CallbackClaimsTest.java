package org.parley.ivr.callback;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.TwoNodes;
import org.parley.ivr.cluster.Node;

/**
 * Callbacks due while several nodes run are placed once each: on the test database (H2, and PostgreSQL in the
 * postgresql execution, where the claim skips rows another node holds), two nodes with their own connections work
 * the same 500 due callbacks at once, as the AMI callback route does (claim, Originate, settle).
 */
class CallbackClaimsTest {

    private EntityManagerFactory emf;
    private EntityManager em;

    @BeforeEach
    void openDatabase() {
        emf = TestDatabase.open();
        em = emf.createEntityManager();
    }

    @AfterEach
    void closeDatabase() {
        TestDatabase.close(em, emf);
    }

    @Test
    void aClaimedCallbackIsNotDueAgainUntilSettledAndAFailureComesBackAfterItsRetryTime() {
        Callbacks callbacks = CallbackStores.writingTo(em);
        Transactions.in(em, () -> {
            em.persist(new CallbackRequest("1700000000.1", "5551234", "fraud", 3, Instant.now().minusSeconds(5)));
            return null;
        });
        List<CallbackRequest> claimed = Transactions.in(em, () -> callbacks.claimDue(20));
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.getClaimedBy()).isEqualTo(Node.name());
            assertThat(c.getDueAt()).as("held for the lease").isAfter(Instant.now().plus(Callbacks.CLAIM_LEASE).minusSeconds(60));
        });
        assertThat(Transactions.in(em, () -> callbacks.claimDue(20))).as("while it is being placed").isEmpty();

        Transactions.in(em, () -> {
            callbacks.settle(claimed.get(0).getId(), "Originate refused: busy");
            return null;
        });
        em.clear();
        CallbackRequest failed = em.find(CallbackRequest.class, claimed.get(0).getId());
        assertThat(failed.getStatus()).isEqualTo(CallbackRequest.Status.PENDING);
        assertThat(failed.getDueAt()).as("due again after the retry time, not the lease")
                .isBefore(Instant.now().plusSeconds(callbacks.retrySeconds + 5));
    }

    @Test
    void twoNodesPlaceEachDueCallbackOnce() throws Exception {
        Transactions.in(em, () -> {
            for (int i = 0; i < 500; i++) {
                em.persist(new CallbackRequest("1700000000." + i, "555" + (1_000_000 + i), "fraud", 3, Instant.now().minusSeconds(60)));
            }
            return null;
        });
        Map<Long, String> placedBy = new ConcurrentHashMap<>();
        List<Long> twice = new CopyOnWriteArrayList<>();
        int total = TwoNodes.run(emf, (node, own) -> placeAll(node, own, placedBy, twice)).stream().mapToInt(Integer::intValue).sum();
        assertThat(twice).as("callbacks placed by both nodes").isEmpty();
        assertThat(total).isEqualTo(500);
        assertThat(placedBy).hasSize(500);
        em.clear();
        assertThat(Transactions.in(em, () -> em.createQuery(
                "select count(c) from CallbackRequest c where c.status = :placed and c.attempts = 1", Long.class)
                .setParameter("placed", CallbackRequest.Status.PLACED).getSingleResult())).isEqualTo(500L);
    }

    private static int placeAll(String node, EntityManager own, Map<Long, String> placedBy, List<Long> twice) {
        Callbacks callbacks = CallbackStores.writingTo(own);
        int placed = 0;
        for (List<CallbackRequest> batch = claim(own, callbacks); !batch.isEmpty(); batch = claim(own, callbacks)) {
            for (CallbackRequest c : batch) {
                if (placedBy.putIfAbsent(c.getId(), node) != null) {
                    twice.add(c.getId());
                }
                Transactions.in(own, () -> {
                    callbacks.settle(c.getId(), null);
                    return null;
                });
            }
            placed += batch.size();
        }
        return placed;
    }

    private static List<CallbackRequest> claim(EntityManager own, Callbacks callbacks) {
        own.clear();
        return Transactions.in(own, () -> callbacks.claimDue(20));
    }
}
