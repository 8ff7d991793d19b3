package org.parley.ivr.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parley.ivr.callback.Callbacks;
import org.parley.ivr.cluster.Node;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.events.EventOutbox;
import org.parley.nlp.ParseResult;
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

    /**
     * JSON-P's {@code Json.create...} looks its provider up with a ServiceLoader on every call, which inside WildFly
     * scans the deployment's modules (it showed in every call's profile); the factory is made once and is thread-safe.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    EventOutbox events;

    @Inject
    Callbacks callbacks;

    /** Records a call entering the IVR now; returns its id. */
    @Transactional
    public long start(CallInfo info) {
        return start(info, Instant.now());
    }

    /**
     * Records a call that entered the IVR at {@code startedAt}; returns its id. Written once: a second write of the
     * same call (a retry whose first commit's answer was lost) finds the first.
     */
    @Transactional
    public long start(CallInfo info, Instant startedAt) {
        Instant at = startedAt.truncatedTo(ChronoUnit.MICROS);
        Optional<Long> written = em.createQuery("select c.id from CallRecord c where c.uniqueId = :u and c.startedAt = :at and c.node = :node",
                        Long.class).setParameter("u", info.uniqueId()).setParameter("at", at).setParameter("node", Node.name())
                .getResultStream().findFirst();
        if (written.isPresent()) {
            return written.get();
        }
        CallRecord call = new CallRecord(info.uniqueId(), info.channel(), info.callerNumber(), info.dialedNumber(), Node.name(), at);
        em.persist(call);
        em.flush();
        events.record("call.started", info.uniqueId(), callJson(call).build());
        return call.getId();
    }

    /**
     * This node carries on a call another node started at {@code startedAt} (Asterisk moved it here when that node died):
     * the call's record becomes this node's, so the other node's ending of it (if it still makes one) and its start-up
     * clean-up leave it alone. A call whose start never reached the database is recorded now, as starting then.
     */
    @Transactional
    public long takeOver(CallInfo info, Instant startedAt) {
        Instant at = startedAt.truncatedTo(ChronoUnit.MICROS);
        Optional<CallRecord> started = em.createQuery("select c from CallRecord c where c.uniqueId = :u and c.startedAt = :at",
                CallRecord.class).setParameter("u", info.uniqueId()).setParameter("at", at).getResultStream().findFirst();
        if (started.isEmpty()) {
            return start(info, startedAt);
        }
        started.get().takenOverBy(Node.name());
        return started.get().getId();
    }

    /** Records a finished turn and its decision, once: a turn the call already has is not written again. */
    @Transactional
    public void recordTurn(long callId, TurnData data) {
        CallRecord call = em.find(CallRecord.class, callId);
        // A count, not the call's turns: loading them would load every decision with its facts (an inverse one-to-one is
        // always fetched), which showed as most of a call's database time.
        if (em.createQuery("select count(t) from Turn t where t.call.id = :call and t.number = :number", Long.class)
                .setParameter("call", callId).setParameter("number", data.number()).getSingleResult() > 0) {
            return;
        }
        Utterance heard = data.heard();
        // Words without a recognition were typed (PARLEY_UTTERANCE: a text channel or a test), not spoken.
        Turn.InputMode mode = heard.isKeyed() ? Turn.InputMode.KEYS : heard.isSilent() ? Turn.InputMode.NONE
                : data.recognition() == null ? Turn.InputMode.TEXT : Turn.InputMode.SPEECH;
        ParseResult p = data.understood();
        String alternatives = p == null ? null : p.top().stream()
                .map(s -> s.intent() + "=" + String.format(Locale.ROOT, "%.3f", s.probability()))
                .collect(Collectors.joining(" "));
        Turn turn = new Turn(call, data.number(), mode, truncate(heard.getText()), heard.getDigits(),
                p == null ? null : p.intent(), p == null ? null : p.confidence(), alternatives,
                p == null ? null : p.sentiment().label(), p == null ? null : p.sentiment().score(),
                p == null ? null : p.entities().stream().map(e -> e.type() + "=" + e.value()).collect(Collectors.joining("; ")),
                data.turnMicros(), data.at());
        if (data.recognition() != null) {
            turn.setRecognition(data.recognition().confidence(), data.recognition().audioMillis(), data.recognition().decodeMillis());
        }
        DecisionResult r = data.decision();
        Decision d = r.decision();
        turn.setDecision(new DecisionRecord(turn, d.getAction() == null ? "NONE" : d.getAction().name(), d.getRoute(),
                d.getQueue(), d.getPriority(), d.getPrompt(), r.ruleSetVersion(), r.firedRules(), r.facts(),
                data.situation() == null ? null : data.situation().toYaml(), r.nanos() / 1_000, r.failure()));
        call.addTurn(turn);
        if (d.isDecided() && d.getAction() != org.parley.rules.fact.Action.CLARIFY) {
            JsonArrayBuilder fired = JSON.createArrayBuilder();
            r.firedRules().forEach(fired::add);
            JsonObjectBuilder decision = JSON.createObjectBuilder().add("action", d.getAction().name()).add("route", d.getRoute())
                    .add("queue", d.getQueue()).add("priority", d.getPriority()).add("ruleSetVersion", r.ruleSetVersion())
                    .add("firedRules", fired);
            JsonObjectBuilder routed = callJson(call).add("turn", data.number()).add("decision", decision);
            if (p != null) {
                routed.add("intent", p.intent()).add("confidence", p.confidence())
                        .add("sentiment", JSON.createObjectBuilder().add("label", p.sentiment().label()).add("score", p.sentiment().score()));
            }
            events.record("call.routed", call.getUniqueId(), routed.build());
        }
    }

    private static JsonObjectBuilder callJson(CallRecord call) {
        return JSON.createObjectBuilder().add("id", call.getId()).add("uniqueId", call.getUniqueId())
                .add("callerNumber", nullToEmpty(call.getCallerNumber())).add("dialedNumber", nullToEmpty(call.getDialedNumber()))
                .add("startedAt", call.getStartedAt().toString());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
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

    /** Records how the call left the IVR now; {@code decision} is the last one made, or null. */
    @Transactional
    public void finish(long callId, CallStatus status, Decision decision) {
        finish(callId, status, decision, Instant.now());
    }

    /**
     * Records how the call left the IVR at {@code endedAt}; {@code decision} is the last one made, or null. Once: a
     * call already ended keeps its ending (and its events and callback are not recorded twice).
     */
    @Transactional
    public void finish(long callId, CallStatus status, Decision decision, Instant endedAt) {
        CallRecord call = em.find(CallRecord.class, callId);
        if (call.getStatus() != CallStatus.IN_PROGRESS || call.getNode() != null && !Node.name().equals(call.getNode())) {
            // Ended already, or carried on by another node, which ends it.
            return;
        }
        boolean routed = decision != null && status != CallStatus.ABANDONED && status != CallStatus.FAILED;
        call.finish(status, routed ? decision.getRoute() : null, routed && !decision.getQueue().isEmpty() ? decision.getQueue() : null,
                routed && !decision.getQueue().isEmpty() ? decision.getPriority() : null, endedAt);
        Instant ended = call.getEndedAt() == null ? Instant.now() : call.getEndedAt();
        // What was said, read as columns: loading the turns would load their decisions' facts too.
        List<Object[]> said = em.createQuery("select t.text, t.digits from Turn t where t.call.id = :call order by t.number", Object[].class)
                .setParameter("call", callId).getResultList();
        StringBuilder transcript = new StringBuilder();
        for (Object[] turn : said) {
            String text = (String) turn[0];
            String digits = (String) turn[1];
            String line = text != null && !text.isEmpty() ? text : digits == null || digits.isEmpty() ? "" : "keys " + digits;
            if (!line.isEmpty()) {
                transcript.append(transcript.isEmpty() ? "" : " | ").append(line);
            }
        }
        JsonObjectBuilder endedJson = callJson(call).add("status", status.name())
                .add("durationSeconds", java.time.Duration.between(call.getStartedAt(), ended).toMillis() / 1000.0)
                .add("turns", said.size())
                .add("transcript", truncate(transcript.toString()));
        if (call.getRoute() != null) {
            endedJson.add("route", call.getRoute());
        }
        if (call.getQueue() != null) {
            endedJson.add("queue", call.getQueue());
        }
        events.record("call.ended", call.getUniqueId(), endedJson.build());
        if (routed && decision.getAction() == org.parley.rules.fact.Action.CALLBACK && call.getCallerNumber() != null
                && call.getCallerNumber().chars().anyMatch(Character::isDigit)) {
            callbacks.request(call.getUniqueId(), call.getCallerNumber(), decision.getQueue(), decision.getPriority());
        }
    }

    /**
     * Closes, as INTERRUPTED, the calls this node still has IN_PROGRESS: at start-up (before it takes
     * calls) those a crash or a kill left open; returns how many. Other nodes' calls are theirs.
     */
    @Transactional
    public int closeLeftOver() {
        List<Long> open = em.createQuery("select c.id from CallRecord c where c.status = :open and c.node = :node", Long.class)
                .setParameter("open", CallStatus.IN_PROGRESS).setParameter("node", Node.name()).getResultList();
        open.forEach(id -> finish(id, CallStatus.INTERRUPTED, null));
        return open.size();
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

    /** Whether the database answers a query now (outside a transaction, so a failure marks none for rollback). */
    public boolean answers() {
        try {
            em.createNativeQuery("select 1").getSingleResult();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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
