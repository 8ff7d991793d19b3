package org.parley.ivr.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parley.ivr.call.CallRepository;
import org.parley.ivr.call.DecisionRecord;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleCompilationException;
import org.parley.rules.engine.Situation;
import org.parley.rules.fact.Decision;

/**
 * Decides a recorded turn again under another rule-set version, from the situation stored with the
 * decision, and says what would have changed. Nothing is written: a replay is a question, not a call.
 */
@ApplicationScoped
public class ReplayService {

    /** One side of a replay: which version decided what, with which rules. */
    public record Outcome(String ruleSetVersion, String action, String route, String queue, int priority, String prompt,
                          List<String> firedRules) {
    }

    /** The recorded decision, the replayed one, and every difference between them ("queue: accounts -> lang-es"). */
    public record Replay(long callId, int turn, String situation, Outcome recorded, Outcome replayed, List<String> changes) {
        public boolean changed() {
            return !changes.isEmpty();
        }
    }

    @Inject
    CallRepository calls;

    @Inject
    DecisionService decisions;

    /**
     * @throws IllegalArgumentException no such call, turn or version
     * @throws IllegalStateException the decision was recorded before situations were kept
     */
    public Replay replay(long callId, int turn, int version) throws RuleCompilationException {
        DecisionRecord recorded = calls.decision(callId, turn)
                .orElseThrow(() -> new IllegalArgumentException("call " + callId + " has no turn " + turn));
        if (recorded.getSituation() == null) {
            throw new IllegalStateException("turn " + turn + " of call " + callId
                    + " was recorded before Parley kept the facts of each decision; it cannot be replayed");
        }
        Situation situation = Situation.fromYaml(recorded.getSituation(), Situation.SCENARIO_TIME);
        DecisionResult result = decisions.version(version).decide(situation);
        Decision d = result.decision();
        Outcome before = new Outcome(recorded.getRuleSetVersion(), recorded.getAction(), recorded.getRoute(), recorded.getQueue(),
                recorded.getPriority(), recorded.getPrompt(), recorded.getFiredRules());
        Outcome after = new Outcome(result.ruleSetVersion(), d.getAction() == null ? "NONE" : d.getAction().name(), d.getRoute(),
                d.getQueue(), d.getPriority(), d.getPrompt(), result.firedRules());
        List<String> changes = new ArrayList<>();
        compare(changes, "action", before.action(), after.action());
        compare(changes, "route", before.route(), after.route());
        compare(changes, "queue", before.queue(), after.queue());
        compare(changes, "priority", before.priority(), after.priority());
        compare(changes, "prompt", before.prompt(), after.prompt());
        for (String rule : before.firedRules()) {
            if (!after.firedRules().contains(rule)) {
                changes.add("no longer fires: " + rule);
            }
        }
        for (String rule : after.firedRules()) {
            if (!before.firedRules().contains(rule)) {
                changes.add("now fires: " + rule);
            }
        }
        return new Replay(callId, turn, recorded.getSituation(), before, after, changes);
    }

    private static void compare(List<String> changes, String what, Object before, Object after) {
        String a = before == null ? "" : String.valueOf(before);
        String b = after == null ? "" : String.valueOf(after);
        if (!Objects.equals(a, b)) {
            changes.add(what + ": " + a + " -> " + b);
        }
    }
}
