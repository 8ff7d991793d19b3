package org.parley.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;
import org.parley.rules.fact.Decision;

/**
 * Rule files that try to run code outside the fact model: every one is refused and none of them runs.
 * Each payload would create a marker file; the control test shows the first payload does create it when
 * compiled by plain Drools, so the corpus is not harmless by accident.
 */
class RuleSandboxTest {

    private static final ClassLoader CL = RuleSandboxTest.class.getClassLoader();
    private static final String MARK = "target/sandbox-escape";
    private static final String EXEC = "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + MARK + "\"})";

    /** What a refusal for reaching outside the allow-list says (the sandbox's check, or the loader that cannot see the type). */
    private static final String REASON = "not available to rules|is not allowed|Rules may use|Unable to Analyse Expression|"
            + "cannot be resolved|refers to the missing type|only with drools-mvel";

    private static String drl(String head, String when, String then) {
        return "package org.parley.rules.routing;\nimport org.parley.rules.fact.Decision;\n" + head + "\n"
                + "rule \"escape\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    static Stream<Arguments> escapes() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "Runtime.exec in a consequence", drl("", "$d : Decision()", EXEC + ";"));
        add(cases, "a qualified name with spaces around the dots", drl("", "$d : Decision()",
                "java . lang . Runtime . getRuntime().exec(\"touch " + MARK + "\");"));
        add(cases, "a unicode escape spelling Runtime", drl("", "$d : Decision()",
                "\\u0052untime.getRuntime().exec(\"touch " + MARK + "\");"));
        add(cases, "a string literal with // hiding the rest from a text guard", drl("", "$d : Decision()",
                "String s = \"//\"; " + EXEC + ";"));
        add(cases, "a string literal with /* hiding the rest from a text guard", drl("", "$d : Decision()",
                "String s = \"/*\"; " + EXEC + "; String t = \"*/\";"));
        add(cases, "ProcessBuilder", drl("", "$d : Decision()", "new ProcessBuilder(\"touch\", \"" + MARK + "\").start();"));
        add(cases, "java.nio.file.Files", drl("", "$d : Decision()",
                "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + MARK + "\"));"));
        add(cases, "an import of java.io.File", drl("import java.io.File;", "$d : Decision()",
                "new File(\"" + MARK + "\").createNewFile();"));
        add(cases, "Class.forName", drl("", "$d : Decision()",
                "Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null);"));
        add(cases, "getClass().getClassLoader()", drl("", "$d : Decision()",
                "$d.getClass().getClassLoader().loadClass(\"java.lang.Runtime\");"));
        add(cases, "a class literal's methods", drl("", "$d : Decision()", "String.class.getClassLoader();"));
        add(cases, "Runtime.exec in a constraint", drl("", "$d : Decision( " + EXEC + " != null )", ""));
        add(cases, "Runtime.exec in eval()", drl("", "eval( " + EXEC + " != null )", ""));
        add(cases, "Runtime.exec in from", drl("", "$s : Object() from " + EXEC, ""));
        add(cases, "Runtime.exec in a salience expression", "package org.parley.rules.routing;\n"
                + "rule \"escape\" salience ( " + EXEC + ".hashCode() )\nwhen\nthen\nend\n");
        add(cases, "Runtime.exec in accumulate's inline code", drl("", "$n : Number() from accumulate( Decision(),"
                + " init( Object o = " + EXEC + "; ), action( ), result( 0 ) )", ""));
        add(cases, "a DRL function", "package org.parley.rules.routing;\n"
                + "function void f() { " + EXEC + "; }\nrule \"escape\"\nwhen\nthen\n    f();\nend\n");
        add(cases, "an imported static function", drl("import function java.lang.System.exit;", "$d : Decision()", "exit(3);"));
        add(cases, "import static Runtime.getRuntime", drl("import static java.lang.Runtime.getRuntime;", "$d : Decision()",
                "getRuntime().exec(\"touch " + MARK + "\");"));
        add(cases, "the MVEL dialect", drl("dialect \"mvel\"", "$d : Decision()", EXEC + ";"));
        add(cases, "a global", drl("global java.lang.Runtime runtime;", "$d : Decision()", "runtime.exec(\"touch " + MARK + "\");"));
        add(cases, "a declared type with a File field", drl("declare Evil\n    f : java.io.File\nend", "$d : Decision()", ""));
        add(cases, "a declared type extending Thread", drl("declare Evil extends java.lang.Thread\nend", "$d : Decision()",
                "new Evil().start();"));
        add(cases, "a declared enum running code as it loads", drl("declare enum Evil\n    A(System.setProperty(\"parley.escape\", \"1\"));\n"
                + "    v : String\nend", "$d : Decision()", ""));
        add(cases, "a declared field's default running code", drl("declare Evil\n    v : String = System.setProperty(\"parley.escape\", \"1\")\nend",
                "$d : Decision()", "insert(new Evil());"));
        add(cases, "System.exit", drl("", "$d : Decision()", "System.exit(3);"));
        add(cases, "System.setProperty", drl("", "$d : Decision()", "System.setProperty(\"parley.escape\", \"1\");"));
        add(cases, "System.getenv", drl("", "$d : Decision()", "$d.transfer(System.getenv(\"PATH\"), 1, \"x\");"));
        add(cases, "a new Thread", drl("", "$d : Decision()", "new Thread(() -> {}).start();"));
        add(cases, "a method reference to Runtime", drl("", "$d : Decision()",
                "java.util.function.Supplier<Object> s = Runtime::getRuntime; s.get();"));
        add(cases, "MethodHandles", drl("", "$d : Decision()", "java.lang.invoke.MethodHandles.lookup();"));
        add(cases, "a script engine", drl("", "$d : Decision()", "new javax.script.ScriptEngineManager().getEngineByName(\"js\");"));
        add(cases, "JNDI", drl("", "$d : Decision()", "new javax.naming.InitialContext().lookup(\"java:global\");"));
        add(cases, "the engine behind drools", drl("", "$d : Decision()", "drools.getKieRuntime().halt();"));
        add(cases, "the engine behind kcontext", drl("", "$d : Decision()", "kcontext.getKieRuntime().halt();"));
        add(cases, "an endless while loop", drl("", "$d : Decision()", "while (true) { }"));
        add(cases, "an endless for loop", drl("", "$d : Decision()", "for (;;) { $d.getPriority(); }"));
        add(cases, "a huge array", drl("", "$d : Decision()", "int[] a = new int[Integer.MAX_VALUE];"));
        add(cases, "String.repeat as an amplifier", drl("", "$d : Decision()", "String s = \"x\".repeat(Integer.MAX_VALUE);"));
        add(cases, "String.format as an amplifier", drl("", "$d : Decision()", "String s = String.format(\"%0999999999d\", 1);"));
        add(cases, "an array sized by a computed local, after a small constant", drl("", "$d : Decision()",
                "int n = $d.getPriority() + 2000000000; Object o = java.util.Arrays.asList(1, new String[n]);"));
        add(cases, "an array sized by a branch that is constant on one side only", drl("", "$d : Decision()",
                "int n = $d.getPriority() > 0 ? $d.getPriority() * 2000000000 : 5; String[] a = new String[n];"));
        add(cases, "a synchronized block", drl("", "$d : Decision()", "synchronized (\"parley\") { $d.getPriority(); }"));
        add(cases, "Runtime.exec inside modify", drl("", "$d : Decision()", "modify( $d ) { setPriority( " + EXEC + ".hashCode() ) }"));
        add(cases, "a rule file in another package", "package java.util;\nrule \"escape\"\nwhen\nthen\nend\n");
        add(cases, "a timer", "package org.parley.rules.routing;\nrule \"escape\" timer ( int: 1s 1s )\nwhen\nthen\nend\n");
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, String drl) {
        cases.add(Arguments.of(name, List.of(new RuleSource("escape.drl", drl))));
    }

    static Stream<Arguments> otherFormats() {
        String dsl = "[when]there is a decision=$d : Decision()\n[then]do the thing=" + EXEC.replace("{", "\\{").replace("}", "\\}") + ";\n";
        String dslr = "package org.parley.rules.routing;\nimport org.parley.rules.fact.Decision;\nexpander escape.dsl\n"
                + "rule \"escape\"\nwhen\n    there is a decision\nthen\n    do the thing\nend\n";
        String csv = "RuleSet,org.parley.rules.routing\nImport,org.parley.rules.fact.Decision\n,\nRuleTable Escape,\n"
                + "NAME,CONDITION,ACTION\n,Decision,\n,priority >= $param,$param;\nRule,Lowest priority,Code\n"
                + "Escape,0,Runtime.getRuntime().halt(3)\n"; // a table escapes quotes in cells; this payload needs none
        return Stream.of(
                Arguments.of("a DSL sentence that expands to Runtime.exec",
                        List.of(new RuleSource("escape.dsl", dsl), new RuleSource("escape.dslr", dslr))),
                Arguments.of("a decision table cell with Runtime.exec", List.of(new RuleSource("escape.drl.csv", csv))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"escapes", "otherFormats"})
    void isRefusedAndNeverRuns(String name, List<RuleSource> sources) throws Exception {
        Files.deleteIfExists(Path.of(MARK));
        System.clearProperty("parley.escape");

        assertThatThrownBy(() -> RuleSet.compile("escape", sources, CL))
                .as(name)
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).problems()).as(name + ": refused for what it reaches, not a typo")
                        .anySatisfy(p -> assertThat(p.message()).containsPattern(REASON)));
        assertThat(Path.of(MARK)).as(name + " ran").doesNotExist();
        assertThat(System.getProperty("parley.escape")).as(name + " ran").isNull();
    }

    @Test
    void theFirstPayloadIsRealWhenDroolsRunsItWithoutTheSandbox(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(Path.of(MARK));
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write("src/main/resources/org/parley/rules/routing/escape.drl", drl("", "$d : Decision()", EXEC + ".waitFor();"));
        KieBuilder builder = ks.newKieBuilder(kfs, CL).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        KieSession session = ks.newKieContainer(builder.getKieModule().getReleaseId(), CL).newKieSession();
        session.insert(new Decision());
        session.fireAllRules();
        session.dispose();

        assertThat(Path.of(MARK)).exists();
        Files.delete(Path.of(MARK));
    }

    @Test
    void theShippedRulesCompileEveryTimeThroughTheSandboxLoader() throws Exception {
        // The compiler resolves a declared type's hierarchy (Throwable's writeObject, printStackTrace) in an order that
        // varies from build to build; each of those types must be loadable, every time.
        for (int i = 0; i < 6; i++) {
            assertThat(RuleSet.compile("v" + i, RuleSet.defaultSources(CL), CL).ruleNames()).isNotEmpty();
        }
    }

    @Test
    void aRefusalNamesTheRuleAndWhatItReached() {
        String drl = drl("", "$d : Decision()", "System.exit(3);");

        assertThatThrownBy(() -> RuleSet.compile("escape", List.of(new RuleSource("escape.drl", drl)), CL))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("escape.drl");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).startsWith("rule \"escape\" calls java.lang.System.exit()")
                            .contains("Rules may use the fact model");
                }));
    }

    static Stream<Arguments> unboundedPatterns() {
        String utterance = "import org.parley.rules.fact.Utterance;\nimport org.parley.rules.fact.Caller;";
        return Stream.of(
                Arguments.of("a nested quantifier, (a+)+b", drl(utterance, "$d : Decision()\n    Utterance( text matches \"(a+)+b\" )", ""),
                        "repeated group"),
                Arguments.of("a quantified alternation, (yes|yeah)*", drl(utterance, "$d : Decision()\n    Utterance( text matches \"(yes|yeah)*!\" )", ""),
                        "repeated group"),
                Arguments.of("a group of a group, ((ab)*c)+", drl(utterance, "$d : Decision()\n    Utterance( text matches \"((ab)*c)+\" )", ""),
                        "repeated group"),
                Arguments.of("a back-reference", drl(utterance, "$d : Decision()\n    Utterance( text matches \"(a)\\\\1\" )", ""),
                        "back-reference"),
                Arguments.of("three unbounded repeats", drl(utterance, "$d : Decision()\n    Utterance( text matches \".*a.*b.*c\" )", ""),
                        "unbounded repeats"),
                Arguments.of("a pattern taken from a fact", drl(utterance, "$d : Decision()\n    Utterance( $t : text )\n    Caller( number matches $t )", ""),
                        "not written in the rule"),
                Arguments.of("a pattern computed in a consequence", drl(utterance, "$d : Decision()\n    Utterance( $t : text )",
                        "boolean b = \"x\".matches($t);"), "not a string literal"),
                Arguments.of("a literal on one branch only", drl(utterance, "$d : Decision()\n    Utterance( $t : text )",
                        "boolean b = \"x\".matches($t.isEmpty() ? $t : \"a+\");"), "not a string literal"),
                Arguments.of("replaceAll", drl(utterance, "$d : Decision()\n    Utterance( $t : text )", "String s = $t.replaceAll(\"(a+)+\", \"\");"),
                        "takes a regular expression"),
                Arguments.of("a method reference to String.matches", drl(utterance + "\nimport java.util.function.BiPredicate;",
                        "$d : Decision()\n    Utterance( $t : text )", "BiPredicate<String, String> m = String::matches; boolean b = m.test(\"x\", $t);"),
                        "not a string literal"));
    }

    /**
     * A regular expression the JDK would backtrack on for minutes is refused: the decision deadline is checked between
     * firings, and one match is a single step it cannot interrupt. So is any pattern not written in the rule.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unboundedPatterns")
    void aPatternThatCouldRunUnboundedIsRefused(String name, String drl, String why) {
        assertThatThrownBy(() -> RuleSet.compile("regex", List.of(new RuleSource("regex.drl", drl)), CL))
                .as(name)
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).as(name)
                        .anySatisfy(p -> assertThat(p.message()).contains(why)));
    }

    @Test
    void safePatternsWrittenInTheRuleStillMatch() throws Exception {
        String drl = drl("import org.parley.rules.fact.Utterance;",
                "$d : Decision( !decided )\n    Utterance( text matches \"(?i).*\\\\b(lost|stolen) (my )?card\\\\b.*\", text.matches(\"[^0-9]{0,80}\") )",
                "modify( $d ) { transfer( \"cards\", 2, \"transfer-cards\" ) }");
        RuleSet rules = RuleSet.compile("fine", List.of(new RuleSource("fine.drl", drl)), CL);

        assertThat(rules.decide(List.of(org.parley.rules.fact.Utterance.spoken("I think I LOST my card today"))).decision().getQueue())
                .isEqualTo("cards");
        assertThat(rules.decide(List.of(org.parley.rules.fact.Utterance.spoken("what is my balance"))).decision().getQueue()).isNotEqualTo("cards");
    }

    @Test
    void aRuleSetWithMoreRulesThanTheArrayLimitCompilesAndDecides() throws Exception {
        // The executable model lists the rules in new ArrayList<>(count) and arrays of that size; a large decision table
        // (a rule per row) must still publish.
        StringBuilder drl = new StringBuilder("package org.parley.rules.routing;\nimport org.parley.rules.fact.Decision;\n");
        for (int i = 0; i < 400; i++) {
            drl.append("rule \"row ").append(i).append("\"\nwhen\n    $d : Decision( !decided, priority == ").append(i)
                    .append(" )\nthen\n    modify( $d ) { transfer( \"q").append(i).append("\", 1, \"transfer-q\" ) }\nend\n");
        }
        RuleSet rules = RuleSet.compile("big", List.of(new RuleSource("big.drl", drl.toString())), CL);

        assertThat(rules.ruleNames()).hasSize(400);
        assertThat(rules.decide(List.of()).decision().getQueue()).isEqualTo("q0");
    }

    @Test
    void whatRulesMayUseStillCompiles() throws Exception {
        String drl = drl("import org.parley.rules.fact.Caller;\nimport java.time.LocalTime;\nimport java.util.List;",
                "$d : Decision( !decided )\n    Caller( $n : number, number.startsWith(\"555\") || List.of(\"1\", \"2\").contains(number) )",
                "String prompt = \"transfer-\" + \"accounts\";\n    int p = Math.max(1, Math.min(3, $n.length()));\n"
                        + "    if (LocalTime.of(9, 0).isBefore(LocalTime.of(17, 0))) { p = p + 1; }\n"
                        + "    modify( $d ) { transfer( \"accounts\", p, \"transfer-accounts\" ) }");

        RuleSet rules = RuleSet.compile("fine", List.of(new RuleSource("fine.drl", drl)), CL);

        DecisionResult result = rules.decide(List.of(new org.parley.rules.fact.Caller("5551234")));
        assertThat(result.completed()).isTrue();
        assertThat(result.decision().getQueue()).isEqualTo("accounts");
        assertThat(result.decision().getPriority()).isEqualTo(4);
    }

    @Test
    void aRuleThatKeepsReactivatingItselfIsStoppedAtTheFireLimitAndLeavesTheTurnUndecided() throws Exception {
        String drl = drl("", "$d : Decision( priority >= 0 )", "modify( $d ) { setPriority( $d.getPriority() + 1 ) }");
        RuleSet rules = RuleSet.compile("loop", List.of(new RuleSource("loop.drl", drl)), CL);

        DecisionResult result = rules.decide(List.of());

        assertThat(result.completed()).isFalse();
        assertThat(result.failure()).contains("fired 1000 times without finishing", "escape");
        assertThat(result.firedRules()).hasSize(1000);
        assertThat(result.decision().isDecided()).isFalse();
    }

    @Test
    void aDecisionThatUsesMoreThanItsCpuDeadlineIsStopped() throws Exception {
        String drl = drl("", "$d : Decision( priority >= 0 )", "modify( $d ) { setPriority( $d.getPriority() + 1 ) }");
        RuleSet rules = RuleSet.compile("busy", List.of(new RuleSource("busy.drl", drl)), CL).withLimits(100_000_000, 1);

        DecisionResult result = rules.decide(List.of());

        assertThat(result.completed()).isFalse();
        assertThat(result.failure()).contains("used more than its 1 ms of CPU");
        assertThat(result.firedRules().size()).isLessThan(100_000_000);
    }

    @Test
    void aRuleThatThrowsLeavesTheTurnUndecidedWithTheReason() throws Exception {
        String drl = drl("", "$d : Decision()", "int zero = 0; $d.setPriority( 1 / zero );");
        RuleSet rules = RuleSet.compile("throws", List.of(new RuleSource("throws.drl", drl)), CL);

        DecisionResult result = rules.decide(List.of());

        assertThat(result.completed()).isFalse();
        assertThat(result.failure()).contains("a rule failed", "ArithmeticException");
    }
}
