package org.parley.ivr.decision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.rules.RuleFile;
import org.parley.ivr.rules.RuleSetRepository;
import org.parley.ivr.rules.RuleSetVersion;
import org.parley.ivr.rules.RulesWiring;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleModule;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.Situation;

/**
 * Two nodes on one database (each its own connection, as two servers): what one publishes or rolls back serves on the
 * other at its next check, decided by the rules of that version; a version the other cannot compile leaves it serving
 * what it had. On the test database (H2, and PostgreSQL in the postgresql execution).
 */
class RuleSetFollowTest {

    private static final String CARDS_DESK = """
            package org.parley.rules.routing;
            import org.parley.rules.fact.Decision;
            rule "Everyone to the cards desk"
            when
                $d : Decision( !decided )
            then
                modify( $d ) { transfer( "cards", 3, "transfer-cards" ) }
            end
            """;

    private EntityManagerFactory emf;
    private EntityManager emA;
    private EntityManager emB;
    private RuleSetRepository versionsA;
    private DecisionService nodeA;
    private DecisionService nodeB;

    @BeforeEach
    void startTwoNodes() {
        emf = TestDatabase.open();
        emA = emf.createEntityManager();
        emB = emf.createEntityManager();
        versionsA = RulesWiring.repository(emA);
        nodeA = Transactions.in(emA, () -> DecisionServices.started(versionsA));
        nodeB = Transactions.in(emB, () -> DecisionServices.started(RulesWiring.repository(emB)));
    }

    @AfterEach
    void stop() {
        if (emB != null) {
            emB.close();
        }
        TestDatabase.close(emA, emf);
    }

    private <T> T onB(Supplier<T> work) {
        emB.clear();
        return Transactions.in(emB, work);
    }

    @Test
    void aPublishAndARollbackOnOneNodeServeOnTheOther() throws Exception {
        assertThat(nodeB.current().version()).isEqualTo("v1");
        assertThat(onB(nodeB::follow)).as("nothing changed yet").isFalse();

        var v2 = Transactions.in(emA, () -> versionsA.publish("ana.lyst", "everyone to the cards desk",
                List.of(new RuleFile("cards.drl", CARDS_DESK))));
        nodeA.swap(DecisionService.compile(v2));
        assertThat(Transactions.in(emA, nodeA::follow)).as("the publishing node already serves it").isFalse();

        assertThat(onB(nodeB::follow)).isTrue();
        assertThat(nodeB.current().version()).isEqualTo("v2");
        assertThat(queue(nodeB.current().decide(lostCard()))).isEqualTo("cards");
        assertThat(onB(nodeB::follow)).isFalse();

        Transactions.in(emA, () -> versionsA.serve(1, "pub.lisher"));
        assertThat(onB(nodeB::follow)).isTrue();
        assertThat(nodeB.current().version()).isEqualTo("v1");
        assertThat(queue(nodeB.current().decide(lostCard()))).isEqualTo("fraud");
    }

    @Test
    void aServingVersionThatDoesNotCompileHereLeavesTheNodeOnWhatItServes() {
        Transactions.in(emA, () -> versionsA.publish("ana.lyst", "broken by hand in the database",
                List.of(new RuleFile("broken.drl", "package org.parley.rules.routing;\nrule \"half\" when then nothing(); end\n"))));

        assertThat(onB(nodeB::follow)).isFalse();
        assertThat(nodeB.current().version()).isEqualTo("v1");
        assertThat(onB(nodeB::follow)).as("reported once, not compiled again every second").isFalse();
        assertThat(queue(nodeB.current().decide(lostCard()))).isEqualTo("fraud");
    }

    @Test
    void aVersionCompiledOnOneNodeServesOnTheOtherFromItsStoredCompiledForm() throws Exception {
        var v2 = Transactions.in(emA, () -> versionsA.publish("ana.lyst", "everyone to the cards desk",
                List.of(new RuleFile("cards.drl", CARDS_DESK))));
        nodeA.swap(Transactions.in(emA, () -> compiledOn(nodeA, v2)));
        // The stored form stands in for a compile: swapped for another rule set's, node B serves what it holds.
        byte[] lendingDesk = DecisionService.compile("other", List.of(new RuleFile("lending.drl", CARDS_DESK.replace("cards", "lending"))))
                .module();
        assertThat(Transactions.in(emA, () -> emA.createNativeQuery("update rule_set_compiled set module = :m where versionNumber = 2")
                .setParameter("m", lendingDesk).executeUpdate())).isEqualTo(1);

        assertThat(onB(nodeB::follow)).isTrue();

        assertThat(nodeB.current().version()).isEqualTo("v2");
        assertThat(queue(nodeB.current().decide(lostCard()))).isEqualTo("lending");
    }

    @Test
    void aStoredCompiledFormThatIsRefusedIsCompiledFromTheFilesInstead() throws Exception {
        var v2 = Transactions.in(emA, () -> versionsA.publish("ana.lyst", "everyone to the cards desk",
                List.of(new RuleFile("cards.drl", CARDS_DESK))));
        Transactions.in(emA, () -> {
            versionsA.storeCompiledForm(v2.getNumber(), RuleModule.compiler(), "not a module".getBytes());
            return null;
        });

        assertThat(onB(nodeB::follow)).isTrue();

        assertThat(queue(nodeB.current().decide(lostCard()))).isEqualTo("cards");
    }

    private static RuleSet compiledOn(DecisionService node, RuleSetVersion version) {
        try {
            return node.compiled(version);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Situation lostCard() {
        return Situation.fromYaml("caller: '5551234'\ntext: I lost my card\nintent: lost_stolen_card\nconfidence: 0.93\n",
                Situation.SCENARIO_TIME);
    }

    private static String queue(DecisionResult result) {
        return result.decision().getQueue();
    }
}
