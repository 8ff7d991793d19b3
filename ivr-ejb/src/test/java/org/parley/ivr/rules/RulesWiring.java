package org.parley.ivr.rules;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.parley.ivr.live.QueueBoard;

/** The rule-set store and the Asterisk names as the server wires them, for tests in other packages that run without the server. */
public final class RulesWiring {

    private RulesWiring() {
    }

    /** Rule-set versions stored in {@code em}. */
    public static RuleSetRepository repository(EntityManager em) {
        RuleSetRepository versions = new RuleSetRepository();
        versions.em = em;
        return versions;
    }

    /** The shipped prompt catalogue and queues.conf, plus the queues {@code board} has seen. */
    public static AsteriskNames shippedNames(QueueBoard board) {
        AsteriskNames names = new AsteriskNames();
        names.catalogue = Optional.empty();
        names.queuesConf = Optional.empty();
        names.queues = board;
        return names;
    }
}
