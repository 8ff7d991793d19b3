package org.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code parley rules validate/test} on the shipped rules and on broken copies of them. */
class RulesCommandTest {

    private static final Path SHIPPED = Path.of("../ivr-rules/src/main/resources/org/parley/rules/routing");

    private static int run(String... args) {
        return new CommandLine(new Parley()).execute(args);
    }

    private static Path copyOfShipped(Path dir) throws Exception {
        try (var files = Files.list(SHIPPED)) {
            for (Path f : files.filter(f -> !f.toString().endsWith(".index")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void shippedRulesValidateAndPassTheirScenarios(@TempDir Path out) {
        Path report = out.resolve("report.xml");

        assertThat(run("rules", "validate", SHIPPED.toString())).isZero();
        assertThat(run("rules", "test", SHIPPED.toString(), "--scenarios", SHIPPED.toString(), "--junit-xml", report.toString())).isZero();
        assertThat(report).content().contains("failures=\"0\"", "a lost card goes to the fraud queue with top priority",
                "balance on Christmas Day offers a callback");
    }

    @Test
    void aBrokenRuleFailsValidation(@TempDir Path dir) throws Exception {
        copyOfShipped(dir);
        Path routing = dir.resolve("routing.drl");
        Files.writeString(routing, Files.readString(routing).replace("Caller( withheld )", "Caller( withheldd )"));

        assertThat(run("rules", "validate", dir.toString())).isEqualTo(1);
    }

    @Test
    void aBrokenDecisionTableFailsValidation(@TempDir Path dir) throws Exception {
        copyOfShipped(dir);
        Path hours = dir.resolve("opening-hours.drl.csv");
        Files.writeString(hours, Files.readString(hours).replace("Cards weekdays,1100", "Cards weekdays,high"));

        assertThat(run("rules", "validate", dir.toString())).isEqualTo(1);
    }

    @Test
    void aChangedRuleThatBreaksAScenarioFailsTheTest(@TempDir Path dir) throws Exception {
        copyOfShipped(dir);
        Path routing = dir.resolve("routing.dslr");
        Files.writeString(routing, Files.readString(routing).replace("route to the fraud queue with priority 1", "route to the cards queue with priority 1"));
        Path report = dir.resolve("report.xml");

        assertThat(run("rules", "test", dir.toString(), "--scenarios", dir.toString(), "--junit-xml", report.toString())).isEqualTo(1);
        assertThat(report).content().contains("queue: expected fraud but was cards");
    }
}
