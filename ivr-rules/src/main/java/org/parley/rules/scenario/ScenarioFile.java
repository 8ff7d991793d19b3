package org.parley.rules.scenario;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Reads scenarios from YAML, a list of cases:
 * <pre>
 * - name: a lost card goes to the fraud queue
 *   given: { caller: "5551234", text: "I lost my card", intent: lost_stolen_card, confidence: 0.9 }
 *   expect: { action: TRANSFER, queue: fraud, priority: 1 }
 * </pre>
 * {@code given} also takes {@code digits}, {@code sentiment} (score in [-1, 1]),
 * {@code clarifications} (earlier re-asks in the call) and {@code entities} (type: value);
 * {@code expect} also takes {@code route} and {@code rules} (names that must have fired).
 * Unknown keys are errors, so a typo cannot silently skip a check.
 */
public final class ScenarioFile {

    private static final Set<String> GIVEN = Set.of("caller", "text", "digits", "intent", "confidence", "sentiment", "clarifications", "entities");
    private static final Set<String> EXPECT = Set.of("action", "route", "queue", "priority", "rules");

    private ScenarioFile() {
    }

    public static List<Scenario> read(String source, Reader reader) throws ScenarioException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (YAMLException e) {
            throw new ScenarioException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw new ScenarioException(source + " line " + line(root) + ": expected a list of scenarios (lines starting with '- name:')");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Node item : list.getValue()) {
            scenarios.add(scenario(source, item));
        }
        return scenarios;
    }

    private static Scenario scenario(String source, Node node) throws ScenarioException {
        Map<String, Node> fields = mapping(source, node, Set.of("name", "given", "expect"), "a scenario");
        String name = scalar(source, fields.get("name"), "name");
        if (name == null || name.isBlank()) {
            throw new ScenarioException(source + " line " + line(node) + ": every scenario needs a name");
        }
        if (!fields.containsKey("given") || !fields.containsKey("expect")) {
            throw new ScenarioException(source + " line " + line(node) + ": scenario '" + name + "' needs both 'given' and 'expect'");
        }
        Map<String, Node> given = mapping(source, fields.get("given"), GIVEN, "'given' of '" + name + "'");
        Map<String, Node> expect = mapping(source, fields.get("expect"), EXPECT, "'expect' of '" + name + "'");
        Map<String, String> entities = new LinkedHashMap<>();
        if (given.containsKey("entities")) {
            for (Map.Entry<String, Node> e : mapping(source, given.get("entities"), null, "'entities' of '" + name + "'").entrySet()) {
                entities.put(e.getKey(), scalar(source, e.getValue(), e.getKey()));
            }
        }
        List<String> rules = new ArrayList<>();
        if (expect.containsKey("rules")) {
            if (!(expect.get("rules") instanceof SequenceNode ruleList)) {
                throw new ScenarioException(source + " line " + line(expect.get("rules")) + ": 'rules' must be a list of rule names");
            }
            for (Node r : ruleList.getValue()) {
                rules.add(scalar(source, r, "rules"));
            }
        }
        String intent = scalar(source, given.get("intent"), "intent");
        return new Scenario(name, source, line(node), orEmpty(scalar(source, given.get("caller"), "caller")),
                orEmpty(scalar(source, given.get("text"), "text")), orEmpty(scalar(source, given.get("digits"), "digits")),
                intent, number(source, given.get("confidence"), "confidence", intent == null ? 0 : 1.0),
                given.containsKey("sentiment") ? number(source, given.get("sentiment"), "sentiment", 0) : null,
                (int) number(source, given.get("clarifications"), "clarifications", 0), entities,
                scalar(source, expect.get("action"), "action"), scalar(source, expect.get("route"), "route"),
                scalar(source, expect.get("queue"), "queue"),
                expect.containsKey("priority") ? (int) number(source, expect.get("priority"), "priority", 0) : null, rules);
    }

    private static Map<String, Node> mapping(String source, Node node, Set<String> allowed, String what) throws ScenarioException {
        if (!(node instanceof MappingNode mapping)) {
            throw new ScenarioException(source + " line " + line(node) + ": " + what + " must be a mapping of key: value");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = scalar(source, t.getKeyNode(), "key");
            if (allowed != null && !allowed.contains(key)) {
                throw new ScenarioException(source + " line " + line(t.getKeyNode()) + ": unknown key '" + key + "' in " + what
                        + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
            fields.put(key, t.getValueNode());
        }
        return fields;
    }

    private static String scalar(String source, Node node, String what) throws ScenarioException {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            throw new ScenarioException(source + " line " + line(node) + ": '" + what + "' must be a single value");
        }
        return s.getValue();
    }

    private static double number(String source, Node node, String what, double fallback) throws ScenarioException {
        String value = scalar(source, node, what);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ScenarioException(source + " line " + line(node) + ": '" + what + "' must be a number, not '" + value + "'");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
