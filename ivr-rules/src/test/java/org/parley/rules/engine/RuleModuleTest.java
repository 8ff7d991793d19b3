package org.parley.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * A rule set's stored compiled form: it loads and decides as the compile did, and bytes that did not come from
 * the sandboxed compile — code plain Drools generated for an escape, a module Drools would compile from DRL
 * while loading, garbage — are refused without running anything.
 */
class RuleModuleTest {

    private static final ClassLoader CL = RuleModuleTest.class.getClassLoader();
    private static final String MARK = "target/module-escape";

    private static final String TURN = "{caller: '5551234', text: 'I lost my card', intent: lost_stolen_card, confidence: 0.9}";

    @Test
    void aCompiledRuleSetLoadsFromItsBytesAndDecidesTheSame() throws Exception {
        RuleSet compiled = RuleSet.compile("v1", RuleSet.defaultSources(CL), CL);

        RuleSet loaded = RuleSet.load("v1", compiled.module(), CL);

        assertThat(loaded.ruleNames()).isEqualTo(compiled.ruleNames());
        assertThat(loaded.version()).isEqualTo("v1");
        DecisionResult before = compiled.decide(Situation.fromYaml(TURN, Situation.SCENARIO_TIME));
        DecisionResult after = loaded.decide(Situation.fromYaml(TURN, Situation.SCENARIO_TIME));
        assertThat(after.completed()).isTrue();
        assertThat(after.firedRules()).isEqualTo(before.firedRules()).isNotEmpty();
        assertThat(after.decision().getQueue()).isEqualTo(before.decision().getQueue()).isNotNull();
        assertThat(loaded.module()).as("the loaded set can be stored again").isSameAs(compiled.module());
        assertThat(RuleSet.load("v1", compiled.module(), CL).ruleNames()).as("loads twice in one process").hasSize(compiled.ruleNames().size());
    }

    @Test
    void codeThatPlainDroolsGeneratedForAnEscapeIsRefusedAndNeverRuns() throws Exception {
        Files.deleteIfExists(Path.of(MARK));
        String drl = "package org.parley.rules.routing;\nimport org.parley.rules.fact.Decision;\nrule \"escape\"\nwhen\n"
                + "    $d : Decision()\nthen\n    Runtime.getRuntime().exec(new String[] {\"touch\", \"" + MARK + "\"}).waitFor();\nend\n";
        byte[] module = plainDrools(drl);

        assertThatThrownBy(() -> RuleSet.load("v7", module, CL))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("java.lang.Runtime");

        assertThat(Path.of(MARK)).doesNotExist();
    }

    @Test
    void aModuleThatDroolsWouldCompileFromDrlWhileLoadingIsRefused() throws Exception {
        System.clearProperty("parley.module.escape");
        String drl = "package org.parley.rules.routing;\nrule \"escape\"\nwhen\nthen\n"
                + "    System.setProperty(\"parley.module.escape\", \"ran\");\nend\n";
        // A real module with the executable model taken out and the DRL put in: Drools would compile it on loading.
        byte[] module = drlOnly(RuleSet.compile("v8", List.of(new RuleSource("a.drl", "package org.parley.rules.routing;\n"
                + "rule \"harmless\"\nwhen\nthen\nend\n")), CL).module(), drl);

        assertThatThrownBy(() -> RuleSet.load("v8", module, CL)).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("not an executable-model module");

        assertThat(System.getProperty("parley.module.escape")).isNull();
    }

    @Test
    void bytesThatAreNoModuleAreRefusedWithWhy() throws Exception {
        assertThatThrownBy(() -> RuleSet.load("v9", "not a jar".getBytes(), CL))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("compiled form");
        assertThatThrownBy(() -> RuleSet.load("v9", new byte[0], CL))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("compiled form");
        assertThatThrownBy(() -> RuleSet.load("v9", zipOf(RuleModule.MAX_ENTRIES + 1), CL))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("more than " + RuleModule.MAX_ENTRIES + " entries");
    }

    @Test
    void theCompilerNameCoversDroolsAndEveryFactClass() throws Exception {
        assertThat(RuleModule.compiler()).matches("drools-10\\.[0-9.]+/[0-9a-f]{32}").isEqualTo(RuleModule.compiler());
        Set<String> listed = new TreeSet<>();
        RuleModule.FACT_TYPES.forEach(t -> Stream.of(t.getNestMembers()).forEach(m -> listed.add(m.getName())));
        Set<String> inPackage = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/org/parley/rules/fact"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                    .forEach(f -> inPackage.add("org.parley.rules.fact." + f.substring(0, f.length() - ".class".length())));
        }
        assertThat(listed).as("RuleModule.FACT_TYPES lists the fact model").isEqualTo(inPackage);
    }

    private static byte[] plainDrools(String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(ks.newReleaseId("org.parley.rules", "routing", "evil"));
        kfs.write("src/main/resources/org/parley/rules/routing/escape.drl", drl);
        KieBuilder builder = ks.newKieBuilder(kfs, CL).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        byte[] bytes = ((InternalKieModule) builder.getKieModule()).getBytes();
        ks.getRepository().removeKieModule(builder.getKieModule().getReleaseId());
        return bytes;
    }

    private static byte[] drlOnly(byte[] module, String drl) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(module)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".class") || e.getName().contains("drools-model") || e.getName().contains("generated-class-names")) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().endsWith(".drl") ? drl.getBytes(StandardCharsets.UTF_8) : bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zipOf(int entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
