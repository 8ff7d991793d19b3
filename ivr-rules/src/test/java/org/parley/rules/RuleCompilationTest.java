package org.parley.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleProblem;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.RuleSource;

/** What an analyst sees when a rule file does not compile. */
class RuleCompilationTest {

    private static final ClassLoader CL = RuleCompilationTest.class.getClassLoader();

    @Test
    void unknownFactFieldIsReportedWithFileAndLine() {
        String drl = """
                package org.parley.rules.routing;
                import org.parley.rules.fact.Caller;
                import org.parley.rules.fact.Decision;

                rule "VIP first"
                when
                    Caller( tierr == "gold" )
                    $d : Decision()
                then
                    modify( $d ) { transfer( "vip", 1, "transfer-vip" ) }
                end
                """;

        assertThatThrownBy(() -> RuleSet.compile("draft-1", List.of(new RuleSource("vip.drl", drl)), CL))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleProblem first = e.problems().get(0);
                    assertThat(first.path()).isEqualTo("vip.drl");
                    assertThat(first.line()).isEqualTo(7);
                    assertThat(first.message()).contains("tierr");
                    assertThat(e.getMessage()).contains("rule set draft-1 does not compile", "vip.drl line 7");
                });
    }

    @Test
    void syntaxErrorIsReportedWithItsLine() {
        String drl = """
                package org.parley.rules.routing;

                rule "broken"
                when
                    eval( true
                then
                end
                """;

        assertThatThrownBy(() -> RuleSet.compile("draft-2", List.of(new RuleSource("broken.drl", drl)), CL))
                .isInstanceOfSatisfying(RuleCompilationException.class,
                        e -> assertThat(e.problems()).extracting(RuleProblem::path).contains("broken.drl"));
    }

    @Test
    void theDefaultRuleSetCompilesAndNamesItsRules() throws Exception {
        RuleSet rules = RuleSet.defaults(CL);

        assertThat(rules.ruleNames()).contains("A lost or stolen card goes to the fraud queue first",
                "Not understood after asking again: hand over to a person");
    }
}
