package org.parley.rules.engine;

import java.util.List;
import org.parley.rules.fact.Decision;

/**
 * What one turn decided and why: the decision, the rules that fired in firing order, the facts the
 * rules saw (as text), the rule-set version, how long the decision took, and — when the rules did not
 * finish (fire limit, deadline, an exception in a rule) — why; the decision is then left undecided and
 * the caller of {@link RuleSet#decide} applies its safe fallback.
 */
public record DecisionResult(Decision decision, List<String> firedRules, List<String> facts, String ruleSetVersion,
                             long nanos, String failure) {

    public DecisionResult {
        firedRules = List.copyOf(firedRules);
        facts = List.copyOf(facts);
    }

    /** Whether the rules ran to the end. */
    public boolean completed() {
        return failure == null;
    }
}
