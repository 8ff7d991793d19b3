package org.parley.ivr.decision;

import org.parley.ivr.rules.RuleSetRepository;

/** The decision service as the server starts it, for tests in other packages that run without the server. */
public final class DecisionServices {

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
        decisions.loadServingVersion();
        return decisions;
    }
}
