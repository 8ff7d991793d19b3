package org.parley.rules.scenario;

import java.util.List;

/** How one scenario went: passed, or the differences from what was expected; the rules that fired either way. */
public record ScenarioResult(Scenario scenario, List<String> failures, List<String> firedRules, String decision, long micros) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
