package org.parley.tools;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleProblem;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.Vocabulary;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.scenario.Scenario;
import org.parley.rules.scenario.ScenarioException;
import org.parley.rules.scenario.ScenarioFile;
import org.parley.rules.scenario.ScenarioResult;
import org.parley.rules.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley rules}: validate and test rule files as an analyst keeps them in git. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Validate and test routing rules kept as files.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesBench.class})
final class RulesCommand {

    /**
     * Compiles every rule file in a directory (.drl, .dsl, .dslr, .drl.csv, .drl.xlsx); prints each
     * error as file line col: message.
     */
    static RuleSet compile(Path dir) throws IOException, RuleCompilationException {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> RuleSource.isRuleFile(name(p))).sorted().toList()) {
                sources.add(RuleSource.of(name(f), Files.readAllBytes(f)));
            }
        }
        ClassLoader cl = RulesCommand.class.getClassLoader();
        return RuleSet.compile(name(dir), sources, cl, Vocabulary.shipped(cl));
    }

    /** The last part of a path ("" for a root such as "/"). */
    static String name(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    static void printProblems(RuleCompilationException e) {
        for (RuleProblem p : e.problems()) {
            System.err.println(p);
        }
        System.err.println(e.problems().size() + " error(s); nothing was published");
    }

    /** {@code parley rules validate DIR}. */
    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Compile every rule file in DIR (.drl, .dsl, .dslr, .drl.csv, .drl.xlsx); exit 1 on any error.")
    static final class Validate implements Callable<Integer> {

        @Parameters(index = "0", description = "Directory with rule files.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            try {
                RuleSet rules = compile(dir);
                System.out.printf("%s: %d rules compile%n", dir, rules.ruleNames().size());
                return 0;
            } catch (RuleCompilationException e) {
                printProblems(e);
                return 1;
            }
        }
    }

    /** {@code parley rules test DIR --scenarios DIR}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Compile the rules in DIR and run every scenario file (*.yaml, *.csv) in the scenarios directory; exit 1 on any failure.")
    static final class Test implements Callable<Integer> {

        @Parameters(index = "0", description = "Directory with rule files.")
        Path dir;

        @Option(names = "--scenarios", required = true, description = "Directory with scenario files (*.yaml, *.yml, *.csv that are not *.drl.csv).")
        Path scenarios;

        @Option(names = "--junit-xml", description = "Also write a JUnit XML report here (for CI).")
        Path junitXml;

        @Override
        public Integer call() throws Exception {
            RuleSet rules;
            try {
                rules = compile(dir);
            } catch (RuleCompilationException e) {
                printProblems(e);
                return 1;
            }
            List<ScenarioResult> results = new ArrayList<>();
            try (Stream<Path> files = Files.list(scenarios)) {
                for (Path f : files.filter(p -> ScenarioFile.isScenarioFile(p.getFileName().toString())).sorted().toList()) {
                    List<Scenario> list;
                    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        list = ScenarioFile.read(f.getFileName().toString(), r);
                    } catch (ScenarioException e) {
                        System.err.println(e.getMessage());
                        return 2;
                    }
                    results.addAll(ScenarioRunner.run(rules, list));
                }
            }
            int failed = 0;
            for (ScenarioResult r : results) {
                if (r.passed()) {
                    System.out.printf("PASS  %s%n", r.scenario().name());
                } else {
                    failed++;
                    System.out.printf("FAIL  %s (%s line %d)%n", r.scenario().name(), r.scenario().source(), r.scenario().line());
                    r.failures().forEach(f -> System.out.println("        " + f));
                    System.out.println("        rules fired: " + String.join(" -> ", r.firedRules()));
                }
            }
            System.out.printf("%d passed, %d failed%n", results.size() - failed, failed);
            if (junitXml != null) {
                Files.writeString(junitXml, junit(results, failed), StandardCharsets.UTF_8);
            }
            return failed == 0 && !results.isEmpty() ? 0 : 1;
        }

        private String junit(List<ScenarioResult> results, int failed) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n",
                    escape(name(dir)), results.size(), failed));
            for (ScenarioResult r : results) {
                xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.6f\">",
                        escape(r.scenario().source()), escape(r.scenario().name()), r.micros() / 1e6));
                if (!r.passed()) {
                    xml.append("<failure message=\"").append(escape(String.join("; ", r.failures()))).append("\">")
                            .append(escape("rules fired: " + String.join(" -> ", r.firedRules()))).append("</failure>");
                }
                xml.append("</testcase>\n");
            }
            return xml.append("</testsuite>\n").toString();
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
