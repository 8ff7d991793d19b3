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
                    assertThat(first.column()).isEqualTo(13);
                    assertThat(first.message()).startsWith("Caller has no field 'tierr'")
                            .contains("Caller's fields: hoursSinceLastCall, lastQueue, number, withheld");
                    assertThat(e.getMessage()).contains("rule set draft-1 does not compile", "vip.drl line 7");
                });
    }

    @Test
    void aMistypedFieldGetsASuggestion() {
        String drl = """
                package org.parley.rules.routing;
                import org.parley.rules.fact.CustomerProfile;

                rule "VIP"
                when
                    CustomerProfile( teir == "VIP" )
                then
                end
                """;

        assertThatThrownBy(() -> RuleSet.compile("d", List.of(new RuleSource("vip.drl", drl)), CL))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems().get(0).message())
                        .startsWith("CustomerProfile has no field 'teir'; did you mean 'tier'?"));
    }

    @Test
    void rulesMayNotImportOrReachBeyondTheFactModel() {
        String drl = """
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;
                import java.io.File;

                rule "sneaky"
                when
                    $d : Decision()
                then
                    System.exit( 1 );
                    java.nio.file.Files.delete( null );
                end
                """;

        assertThatThrownBy(() -> RuleSet.compile("d", List.of(new RuleSource("sneaky.drl", drl)), CL))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column() + " " + p.message().substring(0, 30))
                        .containsExactlyInAnyOrder(
                                "3:8 java.io.File is not available ",
                                "10:5 java.nio.file.Files is not ava"));
    }

    @Test
    void aSentenceTheRoutingLanguageDoesNotKnowIsNamedAtItsLine() {
        List<RuleSource> sources = replace(RuleSet.defaultSources(CL), "routing.dslr", "the caller sounds upset", "the caller sounds cross");

        assertThatThrownBy(() -> RuleSet.compile("d", sources, CL))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems().get(0)).satisfies(p -> {
                    assertThat(p.path()).isEqualTo("routing.dslr");
                    assertThat(p.line()).isEqualTo(23);
                    assertThat(p.message()).contains("Unable to expand: the caller sounds cross", "no sentence of the routing language");
                }));
    }

    @Test
    void anErrorInADecisionTableNamesTheTableRow() {
        List<RuleSource> sources = replace(RuleSet.defaultSources(CL), "opening-hours.drl.csv", "Cards weekdays,1100,cards,Mon-Fri,08:00,20:00",
                "Cards weekdays,soon,cards,Mon-Fri,08:00,20:00");

        assertThatThrownBy(() -> RuleSet.compile("d", sources, CL))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems().get(0)).satisfies(p -> {
                    assertThat(p.path()).isEqualTo("opening-hours.drl.csv");
                    assertThat(p.line()).isEqualTo(15);
                    assertThat(p.message()).isEqualTo("row 15: Priority is not an integer literal, in cell B15");
                }));
    }

    @Test
    void theShippedRuleSetUsesAllThreeWaysOfWritingRules() {
        assertThat(RuleSet.defaultSources(CL)).extracting(RuleSource::path).contains("routing.drl", "routing.dsl", "routing.dslr",
                "queues.drl.xlsx", "opening-hours.drl.csv", "holidays.drl.csv");
        assertThatThrownBy(() -> new RuleSource("scenarios.csv", "x")).hasMessageContaining("*.drl.csv or *.drl.xlsx");
    }

    private static List<RuleSource> replace(List<RuleSource> sources, String path, String from, String to) {
        return sources.stream().map(s -> {
            if (!s.path().equals(path)) {
                return s;
            }
            assertThat(s.content()).contains(from);
            return new RuleSource(path, s.content().replace(from, to));
        }).toList();
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
