package org.parley.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parley.rules.fact.Decision;

/**
 * Rule files assembled by the fuzzer from pieces of DRL (harmless and hostile: JVM classes, reflection,
 * loops, amplifiers, MVEL, functions, escapes) and from raw bytes: compiling one either succeeds or fails
 * with a {@link RuleCompilationException}, never another exception; what compiles decides within its
 * limits; and nothing ever reaches outside (the marker file and the system property stay untouched).
 */
class RuleSandboxFuzzTest {

    private static final ClassLoader CL = RuleSandboxFuzzTest.class.getClassLoader();
    private static final String MARK = "target/sandbox-fuzz-escape";

    private static final String[] HEADS = {"", "import java.util.List;", "import java.io.File;", "import static java.lang.Runtime.getRuntime;",
        "dialect \"mvel\"", "global java.lang.Object g;", "function int f() { return 1; }", "declare T\n v : String\nend",
        "declare T extends java.lang.Thread\nend", "import org.parley.rules.fact.Caller;"};
    private static final String[] WHENS = {"$d : Decision()", "$d : Decision( priority >= 0 )", "$d : Decision( !decided )",
        "$d : Decision( Runtime.getRuntime() != null )", "$d : Decision()\n    eval( System.getProperty(\"x\") == null )",
        "$d : Decision()\n    $o : Object() from java.util.List.of(1, 2)", "$d : Decision( queue matches \".*\" )",
        "$d : Decision( ((Object) this).getClass() != null )", "$d : Decision( \\u0052untime.getRuntime() != null )"};
    private static final String[] THENS = {"", "modify( $d ) { setPriority( 2 ) }", "modify( $d ) { setPriority( $d.getPriority() + 1 ) }",
        "System.setProperty(\"parley.fuzz\", \"1\");", "new java.io.File(\"" + MARK + "\").createNewFile();",
        "Runtime.getRuntime().exec(\"touch " + MARK + "\");", "while (true) { }", "for (int i = 0; i < 10; i++) { }",
        "String s = \"x\".repeat(1000);", "Class.forName(\"java.lang.Runtime\");", "$d.getClass().getClassLoader();",
        "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + MARK + "\"));", "int[] a = new int[$d.getPriority() + 5];",
        "$d.transfer(\"cards\", 1, \"transfer-cards\");", "String t = \"//\"; Runtime.getRuntime();", "synchronized (this) { }",
        "insert( new Object() );", "drools.getKieRuntime();", "int z = 0; $d.setPriority( 1 / z );"};

    @FuzzTest(maxDuration = "30s")
    void noRuleFileReachesOutsideTheFactModel(FuzzedDataProvider data) throws Exception {
        String drl;
        if (data.consumeBoolean()) {
            drl = "package org.parley.rules.routing;\nimport org.parley.rules.fact.Decision;\n" + data.pickValue(HEADS) + "\n"
                    + "rule \"fuzz\"\nwhen\n    " + data.pickValue(WHENS) + "\nthen\n    " + data.pickValue(THENS) + "\n    "
                    + data.pickValue(THENS) + "\n    " + data.consumeString(80) + "\nend\n";
        } else {
            drl = data.consumeRemainingAsString();
        }
        RuleSet rules;
        try {
            rules = RuleSet.compile("fuzz", List.of(new RuleSource("fuzz.drl", drl)), CL);
        } catch (RuleCompilationException refused) {
            assertThat(refused.problems()).isNotEmpty();
            rules = null;
        }
        if (rules != null) {
            DecisionResult result = rules.decide(List.of(new Decision()));
            assertThat(result.completed() || result.failure() != null).isTrue();
        }
        assertThat(Path.of(MARK)).as(drl).doesNotExist();
        assertThat(System.getProperty("parley.fuzz")).as(drl).isNull();
        Files.deleteIfExists(Path.of(MARK));
    }
}
