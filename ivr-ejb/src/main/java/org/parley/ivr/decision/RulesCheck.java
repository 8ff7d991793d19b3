package org.parley.ivr.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.parley.health.Part;
import org.parley.health.PartHealth;
import org.parley.rules.engine.RuleSet;

/** Health of a required part: a compiled rule set is serving. */
@Part
@ApplicationScoped
public class RulesCheck implements HealthCheck {

    @Inject
    DecisionService decisions;

    @Override
    public HealthCheckResponse call() {
        RuleSet rules = decisions.current();
        return rules == null ? PartHealth.response("rules", true, false, "no rule set compiled yet")
                : PartHealth.response("rules", true, true, "rule set " + rules.version() + ", " + rules.ruleNames().size() + " rules");
    }
}
