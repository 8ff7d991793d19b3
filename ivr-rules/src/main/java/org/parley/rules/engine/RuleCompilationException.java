package org.parley.rules.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files did not compile; {@link #problems()} says where and why. */
public class RuleCompilationException extends Exception {

    private final List<RuleProblem> problems;

    public RuleCompilationException(String version, List<RuleProblem> problems) {
        super("rule set " + version + " does not compile:\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
