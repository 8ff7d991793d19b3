package org.parley.ivr.call;

import java.time.Instant;
import java.util.List;

/** Read models of recorded calls, as the API shows them. */
public final class CallView {

    private CallView() {
    }

    /** A call in a list. */
    public record Summary(long id, String uniqueId, String callerNumber, String dialedNumber, CallStatus status,
                          String route, String queue, Integer priority, Instant startedAt, Instant endedAt) {

        static Summary of(CallRecord c) {
            return new Summary(c.getId(), c.getUniqueId(), c.getCallerNumber(), c.getDialedNumber(), c.getStatus(),
                    c.getRoute(), c.getQueue(), c.getPriority(), c.getStartedAt(), c.getEndedAt());
        }
    }

    /** A call with every turn and decision. */
    public record Detail(long id, String uniqueId, String channel, String callerNumber, String dialedNumber,
                         CallStatus status, String route, String queue, Integer priority, Instant startedAt,
                         Instant endedAt, List<TurnView> turns) {

        static Detail of(CallRecord c) {
            return new Detail(c.getId(), c.getUniqueId(), c.getChannel(), c.getCallerNumber(), c.getDialedNumber(),
                    c.getStatus(), c.getRoute(), c.getQueue(), c.getPriority(), c.getStartedAt(), c.getEndedAt(),
                    c.getTurns().stream().map(TurnView::of).toList());
        }
    }

    /** One turn. */
    public record TurnView(int number, Turn.InputMode inputMode, String text, String digits, String intent,
                           Double confidence, String alternatives, String sentiment, Double sentimentScore, String entities,
                           long turnMicros, Instant at, DecisionView decision, Double asrConfidence, Long audioMillis,
                           Long asrMillis) {

        static TurnView of(Turn t) {
            return new TurnView(t.getNumber(), t.getInputMode(), t.getText(), t.getDigits(), t.getIntent(),
                    t.getConfidence(), t.getAlternatives(), t.getSentiment(), t.getSentimentScore(), t.getEntities(),
                    t.getTurnMicros(), t.getAt(), DecisionView.of(t.getDecision()), t.getAsrConfidence(), t.getAudioMillis(),
                    t.getAsrMillis());
        }
    }

    /** One decision with its audit; {@code failure} says why the rules did not finish (the call then took the fallback). */
    public record DecisionView(String action, String route, String queue, int priority, String prompt,
                               String ruleSetVersion, List<String> firedRules, List<String> facts, String situation,
                               long decisionMicros, String failure) {

        static DecisionView of(DecisionRecord d) {
            return d == null ? null : new DecisionView(d.getAction(), d.getRoute(), d.getQueue(), d.getPriority(),
                    d.getPrompt(), d.getRuleSetVersion(), d.getFiredRules(), d.getFacts(), d.getSituation(), d.getDecisionMicros(),
                    d.getFailure());
        }
    }
}
