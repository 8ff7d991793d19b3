package org.parley.ivr.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.ivr.TestDatabase;
import org.parley.ivr.Transactions;
import org.parley.ivr.call.CallRepositories;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.TurnData;
import org.parley.ivr.callback.CallbackStores;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.events.Outboxes;
import org.parley.ivr.rules.RuleFile;
import org.parley.ivr.rules.RuleSetRepository;
import org.parley.ivr.rules.RulesWiring;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.Situation;
import org.parley.rules.fact.Utterance;

/**
 * A recorded turn decided again from the facts stored with it, on the test database (H2, and PostgreSQL in the
 * postgresql execution): under the version that decided it nothing changes; under a version published since, the
 * replay says what would have.
 */
class ReplayServiceTest {

    private EntityManagerFactory emf;
    private EntityManager em;
    private CallRepository calls;
    private RuleSetRepository versions;
    private ReplayService replays;

    @BeforeEach
    void openDatabase() {
        emf = TestDatabase.open();
        em = emf.createEntityManager();
        calls = CallRepositories.writingTo(em, Outboxes.writingTo(em), CallbackStores.writingTo(em));
        versions = RulesWiring.repository(em);
        replays = new ReplayService();
        replays.calls = calls;
        replays.decisions = in(() -> DecisionServices.started(versions));
    }

    @AfterEach
    void closeDatabase() {
        TestDatabase.close(em, emf);
    }

    private <T> T in(Supplier<T> work) {
        return Transactions.in(em, work);
    }

    @Test
    void aTurnDecidedAgainUnderItsOwnVersionIsUnchangedAndUnderANewOneSaysWhatChanges() throws Exception {
        long id = in(() -> calls.start(new CallInfo("1700000100.1", "PJSIP/trunk-0001", "5551234", "100", "ivr", "en")));
        Situation situation = Situation.fromYaml("caller: '5551234'\ntext: I lost my card\nintent: lost_stolen_card\nconfidence: 0.93\n",
                Situation.SCENARIO_TIME);
        var decided = replays.decisions.current().decide(situation);
        in(() -> {
            calls.recordTurn(id, new TurnData(1, Utterance.spoken("I lost my card"), null, situation, decided, 900));
            return null;
        });
        em.clear();

        ReplayService.Replay same = in(() -> replay(id, 1, 1));
        assertThat(same.changed()).as(same.changes().toString()).isFalse();
        assertThat(same.recorded().queue()).isEqualTo("fraud");

        in(() -> versions.publish("ana.lyst", "everyone to the cards desk", List.of(new RuleFile("cards.drl", """
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;
                rule "Everyone to the cards desk"
                when
                    $d : Decision( !decided )
                then
                    modify( $d ) { transfer( "cards", 3, "transfer-cards" ) }
                end
                """))));
        ReplayService.Replay changed = in(() -> replay(id, 1, 2));

        assertThat(changed.changed()).isTrue();
        assertThat(changed.replayed().ruleSetVersion()).isEqualTo("v2");
        assertThat(changed.changes()).contains("queue: fraud -> cards", "priority: 1 -> 3", "now fires: Everyone to the cards desk");
        assertThatThrownBy(() -> in(() -> replay(id, 2, 1))).hasMessageContaining("has no turn 2");
    }

    private ReplayService.Replay replay(long call, int turn, int version) {
        try {
            return replays.replay(call, turn, version);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
    }
}
