package org.parley.ivr.decision;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.lang.System.Logger.Level;
import java.util.Collection;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleSet;

/**
 * Owns the serving {@link RuleSet}: compiles the default rules at start-up (so no caller waits for
 * the compile) and decides turns with it. The rule set is immutable and swapped as a whole.
 */
@ApplicationScoped
public class DecisionService {

    private static final System.Logger LOG = System.getLogger(DecisionService.class.getName());

    private volatile RuleSet current;

    void onStartup(@Observes Startup startup) {
        current();
    }

    @PostConstruct
    void compileDefaultRules() {
        long start = System.nanoTime();
        try {
            current = RuleSet.defaults(RuleSet.class.getClassLoader());
        } catch (RuleCompilationException e) {
            throw new IllegalStateException("the shipped rule set does not compile; fix ivr-rules and rebuild", e);
        }
        LOG.log(Level.INFO, "Rule set {0} compiled in {1} ms: {2} rules", current.version(),
                (System.nanoTime() - start) / 1_000_000, current.ruleNames().size());
    }

    /** The rule set serving calls now. */
    public RuleSet current() {
        return current;
    }

    public DecisionResult decide(Collection<?> facts) {
        return current.decide(facts);
    }
}
