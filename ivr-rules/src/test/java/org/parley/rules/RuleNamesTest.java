package org.parley.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleProblem;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.engine.Vocabulary;

/** Rules may only name prompts that have audio and queues Asterisk defines. */
class RuleNamesTest {

    private static final ClassLoader CL = RuleNamesTest.class.getClassLoader();
    private static final Vocabulary SHIPPED = Vocabulary.shipped(CL);

    private static String rule(String consequence) {
        return """
                package org.parley.rules.routing;
                import org.parley.rules.fact.Decision;

                rule "Everybody to the VIP desk"
                when
                    $d : Decision( !decided )
                then
                """ + consequence + "\nend\n";
    }

    private static List<RuleProblem> problems(String drl) {
        try {
            RuleSet.compile("draft", List.of(new RuleSource("vip.drl", drl)), CL, SHIPPED);
            return List.of();
        } catch (RuleCompilationException e) {
            return e.problems();
        }
    }

    @Test
    void theShippedRulesNameOnlyShippedPromptsAndQueues() throws Exception {
        assertThat(RuleSet.defaults(CL).ruleNames()).isNotEmpty();
        assertThat(SHIPPED.queues()).contains("customer-service", "fraud", "lang-es").doesNotContain("general", "parley-queue");
        assertThat(SHIPPED.prompts()).contains("greeting", "how-can-i-help", "transfer-agent", "transfer-fraud", "callback-intro");
    }

    @Test
    void aQueueAsteriskDoesNotDefineIsRefusedWithFileLineAndTheNearestQueues() {
        List<RuleProblem> found = problems(rule("    modify( $d ) { transfer( \"vip\", 1, \"transfer-agent\" ) }"));

        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("vip.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("rule 'Everybody to the VIP desk'", "queue \"vip\" is not a queue Asterisk defines",
                    "queues.conf");
        });
    }

    @Test
    void aPromptWithoutAudioIsRefused() {
        List<RuleProblem> found = problems(rule("    modify( $d ) { hangup( \"good-bye\" ) }"));

        assertThat(found).singleElement().satisfies(p -> assertThat(p.message())
                .contains("prompt \"good-bye\" is not in the prompt catalogue", "nearest: goodbye"));
    }

    @Test
    void theSettingsSectionOfQueuesConfIsNeverAQueue() {
        assertThat(problems(rule("    modify( $d ) { transfer( \"general\", 5, \"transfer-agent\" ) }")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("[general] is app_queue's settings section"));
    }

    @Test
    void aPromptNameBuiltWhileTheCallRunsIsRefused() {
        assertThat(problems(rule("    modify( $d ) { transfer( \"fraud\", 1, \"transfer-\" + \"fraud\" ) }")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("must be a name in quotes", "\"transfer-\" + \"fraud\""));
    }

    @Test
    void commentsAndStringsDoNotHideOrFakeANamedPrompt() {
        // the real call is after a comment that mentions a good prompt, and a string that looks like a call
        String tricky = """
                    // modify( $d ) { hangup( "goodbye" ) }
                    String decoy = "hangup( \\"goodbye\\" )";
                    modify( $d ) { hangup( "nope" ) }
                """;
        assertThat(problems(rule(tricky))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("prompt \"nope\"");
        });
        // a unicode escape inside the literal is decoded before the name is looked up
        assertThat(problems(rule("    modify( $d ) { hangup( \"good\\u0062ye\" ) }"))).isEmpty();
    }

    @Test
    void aUnicodeEscapeOutsideQuotesDoesNotGetARuleSetPublished() {
        // \\u0068angup would be hangup to a Java compiler that reads escapes first; either check refuses it
        assertThat(problems(rule("    $d.\\u0068angup( \"nope\" );"))).isNotEmpty().allSatisfy(p -> assertThat(p.path()).isEqualTo("vip.drl"));
    }

    @Test
    void aBoundVariableIsAllowedBecauseItsValueComesFromACheckedFact() {
        String drl = """
                package org.parley.rules.routing;
                import org.parley.rules.fact.Caller;
                import org.parley.rules.fact.Decision;

                rule "Back to the last queue"
                when
                    Caller( $last : lastQueue != "" )
                    $d : Decision( !decided )
                then
                    modify( $d ) { transfer( $last, 4, "transfer-returning" ) }
                end
                """;
        assertThat(problems(drl)).isEmpty();
    }

    @Test
    void decisionTablesAndTheRoutingLanguageAreCheckedOnWhatTheyGenerate() {
        List<RuleSource> shipped = new ArrayList<>(RuleSet.defaultSources(CL));
        String dslr = shipped.stream().filter(s -> s.path().equals("routing.dslr")).findFirst().orElseThrow().content();
        shipped.replaceAll(s -> s.path().equals("routing.dslr")
                ? new RuleSource(s.path(), dslr.replace("route to the fraud queue with priority 1", "route to the frauds queue with priority 1"))
                : s);
        shipped.replaceAll(s -> s.path().equals("opening-hours.drl.csv")
                ? new RuleSource(s.path(), s.content().replace(",1100,lending,", ",1100,loans,"))
                : s);

        assertThatThrownBy(() -> RuleSet.compile("draft", shipped, CL, SHIPPED))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo("routing.dslr");
                            assertThat(p.message()).contains("queue \"frauds\"");
                        })
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo("routing.dslr");
                            assertThat(p.message()).contains("prompt \"transfer-frauds\"");
                        })
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo("opening-hours.drl.csv");
                            assertThat(p.message()).startsWith("row ").contains("queue \"loans\"");
                        }));
    }

    @Test
    void queuesConfSectionsBecomeQueuesButNotTheSettingsOrTemplates() {
        String conf = """
                [general]
                persistentmembers = no
                [base](!)   ; a template
                strategy = rrmemory
                [sales](base)
                [support]
                ; [commented]
                """;
        assertThat(Vocabulary.queueNames(conf)).isEqualTo(Set.of("sales", "support"));
    }

    @Test
    void aBrokenCatalogueLineIsNamed() {
        assertThatThrownBy(() -> Vocabulary.promptIds("id,language,text\ngreeting,en,Hello\nBad Id,en,x\n", "prompts.csv"))
                .hasMessageContaining("prompts.csv line 3");
    }
}
