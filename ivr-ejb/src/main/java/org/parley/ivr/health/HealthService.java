package org.parley.ivr.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.decision.DecisionService;
import org.parley.ivr.nlu.LanguageService;

/**
 * Collects the state of every part: the ones in this module are checked on demand, the ones in
 * other modules (the FastAGI listener in camel-routes) report in with {@link #report}.
 */
@ApplicationScoped
public class HealthService {

    private final Map<String, ComponentStatus> reported = new ConcurrentHashMap<>();

    @Inject
    CallRepository calls;

    @Inject
    DecisionService decisions;

    @Inject
    LanguageService language;

    /** Called by components that run elsewhere, whenever their state changes. */
    public void report(String component, ComponentStatus status) {
        reported.put(component, status);
    }

    /** Every component's status, by name. */
    public Map<String, ComponentStatus> check() {
        Map<String, ComponentStatus> all = new TreeMap<>(reported);
        all.putIfAbsent("fastagi", new ComponentStatus(false, "not started"));
        try {
            all.put("database", new ComponentStatus(true, calls.count() + " calls recorded"));
        } catch (RuntimeException e) {
            all.put("database", new ComponentStatus(false, "unreachable: " + e.getMessage()));
        }
        all.put("rules", new ComponentStatus(true, "rule set " + decisions.current().version() + ", "
                + decisions.current().ruleNames().size() + " rules"));
        all.put("nlu", new ComponentStatus(true, language.understander().intents().intents().size() + " intents, sentiment, entities"));
        return all;
    }
}
