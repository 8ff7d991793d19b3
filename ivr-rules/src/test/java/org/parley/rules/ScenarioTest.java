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
        List<Scenario> scenarios;
        try (var in = getClass().getClassLoader().getResourceAsStream("org/parley/rules/routing/scenarios.yaml")) {
            scenarios = ScenarioFile.read("scenarios.yaml", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<ScenarioResult> results = ScenarioRunner.run(rules, scenarios);

        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
        assertThat(results).allSatisfy(r -> assertThat(r.failures()).as(r.scenario().name()).isEmpty());
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
                .hasMessageContaining("s.yaml line 2: unknown key 'intnet' in 'given' of 'lost card'");
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
                .hasMessage("s.yaml line 2: 'confidence' must be a number, not 'high'");
    }
}
