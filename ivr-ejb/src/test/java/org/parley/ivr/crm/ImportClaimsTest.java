package org.parley.ivr.crm;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.TwoNodes;

/**
 * CRM drop files claimed once when several nodes watch one directory: on the test database (H2, and PostgreSQL in the
 * postgresql execution) two nodes with their own connections try to claim the same 200 files at once and each file
 * goes to one of them; a claim older than the lease is taken over (its node died), a released one can be claimed again.
 */
class ImportClaimsTest {

    private static final Duration LEASE = Duration.ofMinutes(10);

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

    private static ImportClaims on(EntityManager em) {
        ImportClaims claims = new ImportClaims();
        claims.em = em;
        return claims;
    }

    /** As camel-routes' repository asks: a failure to claim (the other node's insert won) is "not mine". */
    private static boolean claim(EntityManager own, String key, String node, Duration lease) {
        own.clear();
        try {
            return Transactions.in(own, () -> on(own).claim(key, node, lease));
        } catch (RuntimeException lostTheRace) {
            return false;
        }
    }

    @Test
    void twoNodesClaimEachFileOnce() throws Exception {
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> twice = java.util.Collections.synchronizedList(new ArrayList<>());
        TwoNodes.run(emf, (node, own) -> {
            for (int i = 0; i < 200; i++) {
                String key = "/shared/crm-import/customers-" + i + ".csv";
                if (claim(own, key, node, LEASE) && claimedBy.putIfAbsent(key, node) != null) {
                    twice.add(key);
                }
            }
            return null;
        });

        assertThat(twice).as("files claimed by both nodes").isEmpty();
        assertThat(claimedBy).hasSize(200);
    }

    @Test
    void aClaimIsTheNodesUntilReleasedOrOlderThanTheLease() throws Exception {
        String key = "/shared/crm-import/customers.csv";
        assertThat(claim(em, key, "a", LEASE)).isTrue();
        assertThat(claim(em, key, "b", LEASE)).as("a holds it").isFalse();
        assertThat(claim(em, key, "a", LEASE)).as("a asking again").isTrue();
        assertThat(Transactions.in(em, () -> on(em).claimed(key))).isTrue();

        assertThat(claim(em, key, "b", Duration.ZERO)).as("older than the lease: a died, b takes it over").isTrue();
        assertThat(claim(em, key, "a", LEASE)).as("b holds it now").isFalse();

        Transactions.in(em, () -> {
            on(em).release(key);
            return null;
        });
        assertThat(Transactions.in(em, () -> on(em).claimed(key))).isFalse();
        assertThat(claim(em, key, "a", LEASE)).as("a new file of the same name").isTrue();
    }
}
