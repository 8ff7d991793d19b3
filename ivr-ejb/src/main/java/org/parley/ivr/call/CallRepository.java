package org.parley.ivr.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parley.ivr.dialog.CallInfo;
import org.parley.nlp.intent.ParseResult;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.fact.Decision;
import org.parley.rules.fact.Utterance;

/**
 * Writes and reads call records. Each write is its own transaction, so a call that breaks off
 * mid-way keeps every turn finished before the break and nothing half-written.
 */
@ApplicationScoped
public class CallRepository {

    private static final int MAX_TEXT = 1000;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** Records a call entering the IVR; returns its id. */
    @Transactional
    public long start(CallInfo info) {
        CallRecord call = new CallRecord(info.uniqueId(), info.channel(), info.callerNumber(), info.dialedNumber(), Instant.now());
        em.persist(call);
        em.flush();
        return call.getId();
    }

    /** Records a finished turn and its decision. */
    @Transactional
    public void recordTurn(long callId, TurnData data) {
        CallRecord call = em.find(CallRecord.class, callId);
        Utterance heard = data.heard();
        Turn.InputMode mode = heard.isKeyed() ? Turn.InputMode.KEYS : heard.isSilent() ? Turn.InputMode.NONE : Turn.InputMode.SPEECH;
        ParseResult p = data.understood();
        String alternatives = p == null ? null : p.top().stream()
                .map(s -> s.intent() + "=" + String.format(Locale.ROOT, "%.3f", s.probability()))
                .collect(Collectors.joining(" "));
        Turn turn = new Turn(call, data.number(), mode, truncate(heard.getText()), heard.getDigits(),
                p == null ? null : p.intent(), p == null ? null : p.confidence(), alternatives,
                p == null ? null : p.sentiment().label(), p == null ? null : p.sentiment().score(),
                p == null ? null : p.entities().stream().map(e -> e.type() + "=" + e.value()).collect(Collectors.joining("; ")),
                data.turnMicros(), Instant.now());
        DecisionResult r = data.decision();
        Decision d = r.decision();
        turn.setDecision(new DecisionRecord(turn, d.getAction() == null ? "NONE" : d.getAction().name(), d.getRoute(),
                d.getQueue(), d.getPriority(), d.getPrompt(), r.ruleSetVersion(), r.firedRules(), r.facts(),
                data.situation() == null ? null : data.situation().toYaml(), r.nanos() / 1_000));
        call.addTurn(turn);
    }

    /** A routed call: the queue it went to and when it started. */
    public record RoutedCall(String queue, Instant startedAt) {
    }

    /** The last call from {@code number} (as the network presented it) that went to a queue. */
    @Transactional
    public Optional<RoutedCall> lastRoutedCall(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select c from CallRecord c where c.callerNumber = :number and c.queue is not null"
                        + " order by c.startedAt desc, c.id desc", CallRecord.class)
                .setParameter("number", number)
                .setMaxResults(1).getResultStream().findFirst()
                .map(c -> new RoutedCall(c.getQueue(), c.getStartedAt()));
    }

    /** The decision recorded at turn {@code turnNumber} of a call. */
    @Transactional
    public Optional<DecisionRecord> decision(long callId, int turnNumber) {
        return em.createQuery("select d from DecisionRecord d where d.turn.call.id = :call and d.turn.number = :turn", DecisionRecord.class)
                .setParameter("call", callId).setParameter("turn", turnNumber)
                .getResultStream().findFirst();
    }

    /** Records how the call left the IVR; {@code decision} is the last one made, or null. */
    @Transactional
    public void finish(long callId, CallStatus status, Decision decision) {
        CallRecord call = em.find(CallRecord.class, callId);
        boolean routed = decision != null && status != CallStatus.ABANDONED && status != CallStatus.FAILED;
        call.finish(status, routed ? decision.getRoute() : null, routed && !decision.getQueue().isEmpty() ? decision.getQueue() : null,
                routed && !decision.getQueue().isEmpty() ? decision.getPriority() : null, Instant.now());
    }

    /** The most recent calls first. */
    @Transactional
    public java.util.List<CallView.Summary> recent(int limit, int offset) {
        return em.createQuery("select c from CallRecord c order by c.startedAt desc, c.id desc", CallRecord.class)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(CallView.Summary::of).toList();
    }

    /** One call with its turns and decisions. */
    @Transactional
    public Optional<CallView.Detail> find(long id) {
        return em.createQuery("select distinct c from CallRecord c left join fetch c.turns where c.id = :id", CallRecord.class)
                .setParameter("id", id)
                .getResultStream().findFirst().map(CallView.Detail::of);
    }

    /** Answers when the database does. */
    @Transactional
    public long count() {
        return em.createQuery("select count(c) from CallRecord c", Long.class).getSingleResult();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
