package org.parley.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.scenario.Scenario;
import org.parley.rules.scenario.ScenarioException;
import org.parley.rules.scenario.ScenarioFile;
import org.parley.rules.scenario.ScenarioResult;
import org.parley.rules.scenario.ScenarioRunner;

/** The shipped scenarios pass on the shipped rules, and scenario files that are wrong say where. */
class ScenarioTest {

    private static RuleSet rules;

    @BeforeAll
    static void compile() throws Exception {
        rules = RuleSet.defaults(ScenarioTest.class.getClassLoader());
    }

    @Test
    void shippedScenariosAllPass() throws Exception {
        List<Scenario> scenarios = new java.util.ArrayList<>();
        for (var file : RuleSet.defaultScenarioFiles(getClass().getClassLoader()).entrySet()) {
            scenarios.addAll(ScenarioFile.read(file.getKey(), new StringReader(file.getValue())));
        }
        List<ScenarioResult> results = ScenarioRunner.run(rules, scenarios);

        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(35);
        assertThat(scenarios).extracting(Scenario::source).contains("scenarios.yaml", "opening-hours-scenarios.csv");
        assertThat(results).allSatisfy(r -> assertThat(r.failures()).as(r.scenario().name()).isEmpty());
    }

    @Test
    void decisionsMadeAtTheSameTimeDoNotSeeEachOthersFactsOrRules() throws Exception {
        List<Scenario> scenarios = new java.util.ArrayList<>();
        for (var file : RuleSet.defaultScenarioFiles(getClass().getClassLoader()).entrySet()) {
            scenarios.addAll(ScenarioFile.read(file.getKey(), new StringReader(file.getValue())));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<String>>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    List<String> failures = new java.util.ArrayList<>();
                    for (int i = 0; i < 400; i++) {
                        ScenarioResult r = ScenarioRunner.run(rules, scenarios.get((i + offset * 7) % scenarios.size()));
                        r.failures().forEach(f -> failures.add(r.scenario().name() + ": " + f));
                    }
                    return failures;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFiredRulesOfOneDecisionAreOnlyItsOwn() throws Exception {
        Scenario lost = ScenarioFile.read("s.yaml", new StringReader("""
                - name: lost
                  given: { caller: "5551234", intent: lost_stolen_card, confidence: 0.9 }
                  expect: { queue: fraud }
                """)).get(0);
        List<String> first = ScenarioRunner.run(rules, lost).firedRules();
        for (int i = 0; i < 20; i++) {
            assertThat(ScenarioRunner.run(rules, lost).firedRules()).isEqualTo(first);
        }
    }

    @Test
    void aWrongExpectationFailsAndSaysWhatDiffered() throws Exception {
        List<Scenario> scenarios = ScenarioFile.read("s.yaml", new StringReader("""
                - name: lost card
                  given: { caller: "5551234", intent: lost_stolen_card, confidence: 0.9 }
                  expect: { queue: cards, rules: [ "No such rule" ] }
                """));

        ScenarioResult result = ScenarioRunner.run(rules, scenarios.get(0));

        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).containsExactly("queue: expected cards but was fraud", "rule 'No such rule' did not fire");
        assertThat(result.firedRules()).contains("A lost or stolen card goes to the fraud queue first");
    }

    @Test
    void aTypoInAKeyIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> ScenarioFile.read("s.yaml", new StringReader("""
                - name: lost card
                  given: { caller: "5551234", intnet: lost_stolen_card }
                  expect: { queue: fraud }
                """)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml line 2: 'given' of 'lost card': unknown key 'intnet' in given; expected one of [");
    }

    @Test
    void aScenarioWithoutExpectIsAnError() {
        assertThatThrownBy(() -> ScenarioFile.read("s.yaml", new StringReader("- name: x\n  given: { caller: \"1\" }\n")))
                .hasMessage("s.yaml line 1: scenario 'x' needs both 'given' and 'expect'");
    }

    @Test
    void aNumberThatIsNotANumberIsAnError() {
        assertThatThrownBy(() -> ScenarioFile.read("s.yaml", new StringReader(
                "- name: x\n  given: { confidence: high }\n  expect: { action: CLARIFY }\n")))
                .hasMessage("s.yaml line 2: 'given' of 'x': 'confidence' must be a number, not 'high'");
    }

    @Test
    void csvScenariosUseDottedColumnsForNestedFacts() throws Exception {
        List<Scenario> scenarios = ScenarioFile.read("vip.csv", new StringReader("""
                name,caller,intent,customer.tier,queues.cards.expectedWait,expect.action,expect.queue,expect.priority
                "VIP, long wait",+15550001,card_activation,VIP,900,TRANSFER,cards,1
                standard long wait,+15550002,card_activation,standard,900,CALLBACK,cards,
                """));

        assertThat(scenarios).extracting(Scenario::name).containsExactly("VIP, long wait", "standard long wait");
        assertThat(scenarios.get(0).line()).isEqualTo(2);
        assertThat(ScenarioRunner.run(rules, scenarios)).allSatisfy(r -> assertThat(r.failures()).as(r.scenario().name()).isEmpty());
    }

    @Test
    void aCsvCellThatIsWrongNamesItsLine() {
        assertThatThrownBy(() -> ScenarioFile.read("s.csv", new StringReader("""
                name,time,expect.action
                ok,2026-01-07T10:00,CLARIFY
                bad,Tuesday evening,CLARIFY
                """)))
                .hasMessage("s.csv line 3: 'bad': 'time' must be a local date and time like 2026-12-24T18:30, not 'Tuesday evening'");
        assertThatThrownBy(() -> ScenarioFile.read("s.csv", new StringReader("name,expect.queeu\nx,cards\n")))
                .hasMessageStartingWith("s.csv line 1: unknown column 'expect.queeu'");
    }
}
