package org.parley.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What NameCheck reads in a parsed rule, below what the compiler already refuses. */
class NameCheckTest {

    private static final Vocabulary SHIPPED = Vocabulary.shipped(NameCheckTest.class.getClassLoader());

    private static List<RuleProblem> check(String consequence) {
        String drl = "package org.parley.rules.routing;\nimport org.parley.rules.fact.Decision;\n\nrule \"R\"\nwhen\n"
                + "    $d : Decision( !decided )\nthen\n" + consequence + "\nend\n";
        return NameCheck.check(List.of(new RuleSource("r.drl", drl)), SHIPPED);
    }

    @Test
    void aBackslashOutsideQuotesIsRefusedBecauseAnEscapeCouldSpellAHiddenCall() {
        assertThat(check("    $d.\\u0068angup( \"nope\" );")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("rule 'R'", "backslash", "only inside quotes");
        });
    }

    @Test
    void anEscapeInsideQuotesIsReadAsTheCharacterItStandsFor() {
        assertThat(check("    $d.hangup( \"good\\u0062ye\" );")).isEmpty();
        assertThat(check("    $d.hangup( \"no\\u0070e\" );")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("prompt \"nope\""));
    }

    @Test
    void withNothingToCheckAgainstNothingIsRefused() {
        assertThat(NameCheck.check(List.of(new RuleSource("r.drl", "package p;\nrule \"R\" when then end\n")), Vocabulary.ANY)).isEmpty();
    }
}
