package org.parley.ivr.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.ivr.decision.DecisionService;

/**
 * Keeps this node serving the rule set the database says serves, so that a publish, approval or rollback made on any
 * node serves on every node within {@code parley.rules.follow-ms} plus one compile. The database is the record of
 * which version serves (the publish commits there first), so each node checks it: one indexed single-value query
 * per interval, and no second channel that could disagree with it. A non-persistent EJB timer per node, set again
 * after each check.
 */
@Singleton
@Startup
public class RuleSetFollower {

    private static final System.Logger LOG = System.getLogger(RuleSetFollower.class.getName());

    @Inject
    DecisionService decisions;

    @Resource
    TimerService timers;

    /** How often each node checks which rule-set version serves, in milliseconds. */
    @Inject
    @ConfigProperty(name = "parley.rules.follow-ms", defaultValue = "1000")
    long followMillis;

    private boolean failing;

    @PostConstruct
    void schedule() {
        if (followMillis < 100) {
            throw new IllegalStateException("parley.rules.follow-ms is " + followMillis + "; give at least 100 (milliseconds)");
        }
        next();
    }

    /** One check at a time: the next is scheduled when this one ends, however long a compile took. */
    private void next() {
        timers.createSingleActionTimer(followMillis, new TimerConfig("parley-rules-follower", false));
    }

    /** Each check its own short transaction (the query); the compile runs outside any. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        try {
            decisions.follow();
            if (failing) {
                LOG.log(Level.INFO, "Checking the serving rule-set version works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // Said once per outage: the database being away is reported by its own health check.
                LOG.log(Level.WARNING, "Cannot check which rule-set version serves (retrying every {0} ms): {1}", followMillis, e.toString());
                failing = true;
            }
        } finally {
            next();
        }
    }
}
