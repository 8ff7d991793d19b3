package org.parley.rules.engine;

import java.util.List;
import org.parley.rules.fact.Decision;

/**
 * What one turn decided and why: the decision, the rules that fired in firing order, the facts the
 * rules saw (as text), the rule-set version and how long the decision took.
 */
public record DecisionResult(Decision decision, List<String> firedRules, List<String> facts, String ruleSetVersion,
                             long nanos) {

    public DecisionResult {
        firedRules = List.copyOf(firedRules);
        facts = List.copyOf(facts);
    }
}
