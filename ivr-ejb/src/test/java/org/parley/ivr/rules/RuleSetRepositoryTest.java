package org.parley.ivr.rules;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.TwoNodes;

/**
 * Rule-set versions written by two nodes at once (each its own connection), on the test database (H2, and
 * PostgreSQL in the postgresql execution): every publish gets its own number and exactly one version serves.
 */
class RuleSetRepositoryTest {

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
    void publishesOnTwoNodesAtOnceAreNumberedApartAndOneServes() throws Exception {
        RuleSetRepository versions = RulesWiring.repository(em);
        Transactions.in(em, () -> versions.publish("parley", "first", files("first")));

        List<Integer> numbers = TwoNodes.run(emf, RuleSetRepositoryTest::publishFive).stream().flatMap(List::stream).toList();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(10).allMatch(n -> n >= 2 && n <= 11);
        em.clear();
        List<RuleSetVersion> all = Transactions.in(em, versions::all);
        assertThat(all).hasSize(11);
        assertThat(all).filteredOn(RuleSetVersion::isServing).as("serving versions").hasSize(1);
        assertThat(all.get(0).isServing()).as("the last one published serves").isTrue();
    }

    @Test
    void startUpPublishesTheShippedRulesOnlyWhenNothingElseServes() {
        RuleSetRepository versions = RulesWiring.repository(em);
        RuleSetVersion first = Transactions.in(em, () -> versions.publishUnlessChanged(null, "parley", "shipped", files("shipped")));
        assertThat(first.getNumber()).isEqualTo(1);
        assertThat(Transactions.in(em, () -> versions.publishUnlessChanged(null, "parley", "shipped", files("shipped"))).getNumber())
                .as("a second node starting finds it").isEqualTo(1);
        assertThat(Transactions.in(em, () -> versions.publishUnlessChanged(1, "parley", "shipped, upgraded", files("upgraded"))).getNumber())
                .as("an upgrade of what serves").isEqualTo(2);
        assertThat(Transactions.in(em, () -> versions.publishUnlessChanged(1, "parley", "shipped, upgraded", files("upgraded"))).getNumber())
                .as("the other upgraded node finds it").isEqualTo(2);
        assertThat(Transactions.in(em, versions::all)).hasSize(2);
    }

    private static List<Integer> publishFive(String node, EntityManager own) {
        RuleSetRepository versions = RulesWiring.repository(own);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            own.clear();
            numbers.add(Transactions.in(own, () -> versions.publish(node, "publish " + n, files(node + n))).getNumber());
        }
        return numbers;
    }

    private static List<RuleFile> files(String marker) {
        return List.of(new RuleFile("routing.drl", "package org.parley.rules.routing;\n// " + marker + "\n"));
    }
}
