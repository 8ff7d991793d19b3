package org.parley.rules.scenario;

import java.util.ArrayList;
import java.util.List;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.fact.Decision;

/** Runs scenarios against a rule set, exactly as the dialog would build the facts of a turn. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static List<ScenarioResult> run(RuleSet rules, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            results.add(run(rules, s));
        }
        return results;
    }

    public static ScenarioResult run(RuleSet rules, Scenario s) {
        DecisionResult result = rules.decide(s.given().facts());
        Decision d = result.decision();
        List<String> failures = new ArrayList<>();
        if (!result.completed()) {
            failures.add(result.failure());
        }
        String action = d.getAction() == null ? "NONE" : d.getAction().name();
        check(failures, "action", s.expectedAction(), action);
        check(failures, "route", s.expectedRoute(), d.getRoute());
        check(failures, "queue", s.expectedQueue(), d.getQueue());
        check(failures, "prompt", s.expectedPrompt(), d.getPrompt());
        if (s.expectedPriority() != null && s.expectedPriority() != d.getPriority()) {
            failures.add("priority: expected " + s.expectedPriority() + " but was " + d.getPriority());
        }
        for (String rule : s.expectedRules()) {
            if (!result.firedRules().contains(rule)) {
                failures.add("rule '" + rule + "' did not fire");
            }
        }
        return new ScenarioResult(s, failures, result.firedRules(), d.toString(), result.nanos() / 1000);
    }

    private static void check(List<String> failures, String what, String expected, String actual) {
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
