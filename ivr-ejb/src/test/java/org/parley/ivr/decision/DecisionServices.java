package org.parley.ivr.decision;

import org.parley.ivr.rules.RuleSetRepository;
import org.parley.ivr.rules.RuleSetVersion;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.RuleSet;

/** The decision service as the server starts it, for tests in other packages that run without the server. */
public final class DecisionServices {

    /** The shipped rules compiled once per test JVM (a compile takes seconds; many tests start on an empty store). */
    private static RuleSet shipped;

    private DecisionServices() {
    }

    /**
     * Serving what {@code versions} serves (publishing the shipped rules on an empty store), with the
     * shipped limits; call it inside a transaction, as start-up is.
     */
    public static DecisionService started(RuleSetRepository versions) {
        DecisionService decisions = new DecisionService();
        decisions.versions = versions;
        decisions.maxFirings = 1000;
        decisions.deadlineMillis = 100;
        RuleSetVersion serving = versions.serving().orElse(null);
        if (serving != null && serving.getNumber() == 1 && DecisionService.SHIPPED_AUTHOR.equals(serving.getAuthor())) {
            // A second node starting on a store the first one began: the same shipped rules, the same shared compile.
            decisions.swap(shipped(serving));
            return decisions;
        }
        if (serving != null) {
            decisions.loadServingVersion();
            return decisions;
        }
        // What start-up does on an empty store, with the compile shared by the tests of this JVM.
        RuleSetVersion first = versions.publish(DecisionService.SHIPPED_AUTHOR, "the rule set shipped with Parley",
                DecisionService.shippedFiles());
        decisions.swap(shipped(first));
        return decisions;
    }

    private static synchronized RuleSet shipped(RuleSetVersion first) {
        if (shipped == null || !shipped.version().equals(first.getLabel())) {
            try {
                shipped = DecisionService.compile(first);
            } catch (RuleCompilationException e) {
                throw new IllegalStateException("the shipped rules do not compile", e);
            }
        }
        return shipped;
    }
}
