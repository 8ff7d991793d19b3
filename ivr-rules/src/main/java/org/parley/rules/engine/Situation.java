package org.parley.rules.engine;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.parley.rules.fact.Call;
import org.parley.rules.fact.Caller;
import org.parley.rules.fact.CustomerProfile;
import org.parley.rules.fact.DialogState;
import org.parley.rules.fact.Entity;
import org.parley.rules.fact.IntentMatch;
import org.parley.rules.fact.QueueStatus;
import org.parley.rules.fact.Recognition;
import org.parley.rules.fact.Schedule;
import org.parley.rules.fact.Sentiment;
import org.parley.rules.fact.Utterance;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Everything the rules know at one turn of a call, in one value: who calls, when, what they said and
 * how it was understood, how they sound, what the CRM says about them, their last call and the live
 * state of the queues. It is the {@code given} of an analyst's scenario, the snapshot stored with
 * every decision, and what a replay feeds to another rule-set version. {@link #facts()} turns it
 * into the fact model.
 *
 * <p>As YAML (every key optional but the ones a turn always has):
 * <pre>
 * caller: "+15551234"          # caller-id; "" or "anonymous" when withheld
 * language: es                 # the channel's language (default en)
 * time: 2026-12-24T18:30       # contact-centre local time (scenarios default to Wed 2026-01-07 10:00)
 * text: "I lost my card"       # what the caller said
 * digits: "1"                  # or keyed
 * intent: lost_stolen_card     # what the NLU understood, and how sure it is
 * confidence: 0.93
 * sentiment: -0.6              # this turn's score in [-1, 1]; callAverage: the call so far
 * callAverage: -0.4
 * turn: 2                      # 1 for the first question; clarifications: earlier re-asks,
 * clarifications: 1            # of them noInputs after silence and noMatches after words not understood
 * noInputs: 0
 * noMatches: 1
 * entities: { last4: "1234" }
 * customer: { id: C-1, name: Ana, tier: VIP, language: es, openCases: 1, stale: false }
 * lastCall: { queue: cards, hoursAgo: 3 }
 * queues: { cards: { waiting: 12, expectedWait: 600, agents: 0 } }
 * </pre>
 */
public record Situation(String caller, String callId, String language, LocalDateTime time, String text, String digits,
                        String intent, double confidence, Double sentiment, Double callAverage, double trend, int turn,
                        int clarifications, Map<String, String> entities, Customer customer, LastCall lastCall,
                        Map<String, Queue> queues, int noInputs, int noMatches, Double asrConfidence) {

    /** The time scenarios use when they do not say: a Wednesday morning, when every queue is open. */
    public static final LocalDateTime SCENARIO_TIME = LocalDateTime.of(2026, 1, 7, 10, 0);

    private static final Set<String> KEYS = Set.of("caller", "callId", "language", "time", "text", "digits", "intent",
            "confidence", "sentiment", "callAverage", "trend", "turn", "clarifications", "entities", "customer", "lastCall", "queues",
            "noInputs", "noMatches", "asrConfidence");
    private static final Set<String> CUSTOMER_KEYS = Set.of("id", "name", "tier", "language", "openCases", "stale");
    private static final Set<String> LAST_CALL_KEYS = Set.of("queue", "hoursAgo");
    private static final Set<String> QUEUE_KEYS = Set.of("waiting", "expectedWait", "agents");

    /** What the CRM says about the caller. */
    public record Customer(String id, String name, String tier, String language, int openCases, boolean stale) {
    }

    /** The previous call from this number: the queue it went to and how long ago it started. */
    public record LastCall(String queue, double hoursAgo) {
    }

    /** One queue's live state. */
    public record Queue(int waiting, int expectedWait, int agents) {
    }

    public Situation {
        caller = caller == null ? "" : caller;
        callId = callId == null ? "" : callId;
        language = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(time, "time");
        text = text == null ? "" : text;
        digits = digits == null ? "" : digits;
        turn = Math.max(turn, 1);
        entities = entities == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        queues = queues == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queues));
    }

    /** The facts this situation gives the rules, in a fixed order. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(new Call(callId, language));
        facts.add(lastCall == null ? new Caller(caller) : new Caller(caller, lastCall.queue(), lastCall.hoursAgo()));
        facts.add(new Schedule(time));
        facts.add(new DialogState(turn, clarifications, noInputs, noMatches));
        facts.add(new Utterance(text, digits));
        if (asrConfidence != null) {
            facts.add(new Recognition(asrConfidence));
        }
        if (intent != null) {
            facts.add(new IntentMatch(intent, confidence));
        }
        if (sentiment != null) {
            String label = sentiment <= -0.2 ? "negative" : sentiment >= 0.2 ? "positive" : "neutral";
            facts.add(new Sentiment(label, sentiment, callAverage == null ? sentiment : callAverage, trend));
        }
        for (Map.Entry<String, String> e : entities.entrySet()) {
            facts.add(new Entity(e.getKey(), e.getValue()));
        }
        if (customer != null) {
            facts.add(new CustomerProfile(customer.id(), customer.name(), customer.tier(), customer.language(), customer.openCases(),
                    customer.stale()));
        }
        for (Map.Entry<String, Queue> q : queues.entrySet()) {
            facts.add(new QueueStatus(q.getKey(), q.getValue().waiting(), q.getValue().expectedWait(), q.getValue().agents()));
        }
        return facts;
    }

    /** The same situation at another time (used by scenarios that leave the time out). */
    public Situation at(LocalDateTime when) {
        return new Situation(caller, callId, language, when, text, digits, intent, confidence, sentiment, callAverage, trend, turn,
                clarifications, entities, customer, lastCall, queues, noInputs, noMatches, asrConfidence);
    }

    /** Keys with values, in the documented order; defaults are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caller", caller);
        if (!callId.isEmpty()) {
            m.put("callId", callId);
        }
        if (!language.equals("en")) {
            m.put("language", language);
        }
        m.put("time", time.toString());
        if (!text.isEmpty()) {
            m.put("text", text);
        }
        if (!digits.isEmpty()) {
            m.put("digits", digits);
        }
        if (intent != null) {
            m.put("intent", intent);
            m.put("confidence", confidence);
        }
        if (sentiment != null) {
            m.put("sentiment", sentiment);
            if (callAverage != null) {
                m.put("callAverage", callAverage);
            }
            if (trend != 0) {
                m.put("trend", trend);
            }
        }
        m.put("turn", turn);
        if (clarifications != 0) {
            m.put("clarifications", clarifications);
        }
        if (noInputs != 0) {
            m.put("noInputs", noInputs);
        }
        if (noMatches != 0) {
            m.put("noMatches", noMatches);
        }
        if (asrConfidence != null) {
            m.put("asrConfidence", asrConfidence);
        }
        if (!entities.isEmpty()) {
            m.put("entities", new LinkedHashMap<>(entities));
        }
        if (customer != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", customer.id());
            c.put("name", customer.name());
            c.put("tier", customer.tier());
            c.put("language", customer.language());
            c.put("openCases", customer.openCases());
            c.put("stale", customer.stale());
            m.put("customer", c);
        }
        if (lastCall != null) {
            m.put("lastCall", new LinkedHashMap<>(Map.of("queue", lastCall.queue(), "hoursAgo", lastCall.hoursAgo())));
        }
        if (!queues.isEmpty()) {
            Map<String, Object> qs = new LinkedHashMap<>();
            queues.forEach((name, q) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("waiting", q.waiting());
                v.put("expectedWait", q.expectedWait());
                v.put("agents", q.agents());
                qs.put(name, v);
            });
            m.put("queues", qs);
        }
        return m;
    }

    /** As YAML, the form stored with each decision (block style, one key per line). */
    public String toYaml() {
        return DUMPER.get().dump(toMap());
    }

    /** One dumper per thread (SnakeYAML's are not thread-safe): every turn writes one. */
    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options);
    });

    /** Reads the YAML form; {@code defaultTime} when it names no time. */
    public static Situation fromYaml(String yaml, LocalDateTime defaultTime) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("situation is not valid YAML: " + e.getMessage(), e);
        }
        Object tree = root == null ? Map.of() : plain(root);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("situation must be a mapping of key: value");
        }
        return fromMap(map, defaultTime);
    }

    /**
     * Builds a situation from plain values (strings, numbers, maps) as YAML or CSV give them; every
     * key is checked, so a typo is an error rather than a silently missing fact.
     *
     * @throws IllegalArgumentException naming the key and what it should be
     */
    public static Situation fromMap(Map<?, ?> m, LocalDateTime defaultTime) {
        checkKeys(m, KEYS, "given");
        Customer customer = null;
        if (m.get("customer") != null) {
            Map<?, ?> c = map(m.get("customer"), "customer");
            checkKeys(c, CUSTOMER_KEYS, "customer");
            customer = new Customer(string(c.get("id")), string(c.get("name")), string(c.get("tier")), string(c.get("language")),
                    (int) number(c.get("openCases"), "customer.openCases", 0), bool(c.get("stale"), "customer.stale"));
        }
        LastCall lastCall = null;
        if (m.get("lastCall") != null) {
            Map<?, ?> l = map(m.get("lastCall"), "lastCall");
            checkKeys(l, LAST_CALL_KEYS, "lastCall");
            if (string(l.get("queue")) == null) {
                throw new IllegalArgumentException("lastCall needs a queue (the queue the previous call went to)");
            }
            lastCall = new LastCall(string(l.get("queue")), number(l.get("hoursAgo"), "lastCall.hoursAgo", 1));
        }
        Map<String, Queue> queues = new LinkedHashMap<>();
        if (m.get("queues") != null) {
            for (Map.Entry<?, ?> e : map(m.get("queues"), "queues").entrySet()) {
                String name = String.valueOf(e.getKey());
                Map<?, ?> q = map(e.getValue(), "queues." + name);
                checkKeys(q, QUEUE_KEYS, "queues." + name);
                queues.put(name, new Queue((int) number(q.get("waiting"), "queues." + name + ".waiting", 0),
                        (int) number(q.get("expectedWait"), "queues." + name + ".expectedWait", 0),
                        (int) number(q.get("agents"), "queues." + name + ".agents", 1)));
            }
        }
        Map<String, String> entities = new LinkedHashMap<>();
        if (m.get("entities") != null) {
            map(m.get("entities"), "entities").forEach((k, v) -> entities.put(String.valueOf(k), string(v)));
        }
        String intent = string(m.get("intent"));
        Double sentiment = m.get("sentiment") == null ? null : number(m.get("sentiment"), "sentiment", 0);
        Double callAverage = m.get("callAverage") == null ? null : number(m.get("callAverage"), "callAverage", 0);
        if (callAverage != null && sentiment == null) {
            sentiment = callAverage;
        }
        return new Situation(string(m.get("caller")), string(m.get("callId")), string(m.get("language")),
                time(m.get("time"), defaultTime), string(m.get("text")), string(m.get("digits")), intent,
                number(m.get("confidence"), "confidence", intent == null ? 0 : 1.0), sentiment, callAverage,
                number(m.get("trend"), "trend", 0), (int) number(m.get("turn"), "turn", 1 + (int) number(m.get("clarifications"), "clarifications", 0)),
                (int) number(m.get("clarifications"), "clarifications", 0), entities, customer, lastCall, queues,
                (int) number(m.get("noInputs"), "noInputs", 0),
                (int) number(m.get("noMatches"), "noMatches", Math.max(0, number(m.get("clarifications"), "clarifications", 0)
                        - number(m.get("noInputs"), "noInputs", 0))),
                m.get("asrConfidence") == null ? null : number(m.get("asrConfidence"), "asrConfidence", 1));
    }

    /** A YAML node as plain Java values: scalars stay strings (no guessing of dates or numbers). */
    public static Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            seq.getValue().forEach(n -> list.add(plain(n)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            map.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
        }
        return map;
    }

    private static void checkKeys(Map<?, ?> m, Set<String> allowed, String what) {
        for (Object key : m.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + what + "; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("'" + what + "' must be a mapping of key: value, not '" + value + "'");
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static double number(Object value, String what, double fallback) {
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + what + "' must be a number, not '" + value + "'");
        }
    }

    private static boolean bool(Object value, String what) {
        if (value == null || String.valueOf(value).isBlank()) {
            return false;
        }
        String s = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("'" + what + "' must be true or false, not '" + value + "'");
        };
    }

    private static LocalDateTime time(Object value, LocalDateTime fallback) {
        if (value == null || String.valueOf(value).isBlank()) {
            return fallback;
        }
        String s = String.valueOf(value).strip().replace(' ', 'T');
        try {
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'time' must be a local date and time like 2026-12-24T18:30, not '" + value + "'");
        }
    }
}
