package org.parley.rules.scenario;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parley.rules.engine.Situation;
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
 * Reads scenarios that analysts write, as YAML or CSV.
 *
 * <p>YAML is a list of cases; {@code given} is a {@link Situation} (caller, time, text, intent,
 * confidence, sentiment, customer, lastCall, queues, ...), {@code expect} takes action, route, queue,
 * priority, prompt and rules (names that must have fired):
 * <pre>
 * - name: a lost card goes to the fraud queue
 *   given: { caller: "5551234", text: "I lost my card", intent: lost_stolen_card, confidence: 0.9 }
 *   expect: { action: TRANSFER, queue: fraud, priority: 1 }
 * </pre>
 *
 * <p>CSV has a header row; {@code name} names the case, {@code expect.action} (and the other
 * expectations, {@code expect.rules} separated by {@code ;}) what must happen, every other column a
 * key of the situation, dotted for nested ones ({@code customer.tier}, {@code lastCall.queue},
 * {@code queues.cards.expectedWait}). Empty cells are left out.
 *
 * <p>Unknown keys are errors, so a typo cannot silently skip a check; every error names its line.
 */
public final class ScenarioFile {

    private static final Set<String> EXPECT = Set.of("action", "route", "queue", "priority", "prompt", "rules");

    private ScenarioFile() {
    }

    /** Whether {@code fileName} is a scenario file: YAML, or CSV that is not a decision table. */
    public static boolean isScenarioFile(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".yaml") || f.endsWith(".yml") || (f.endsWith(".csv") && !f.endsWith(".drl.csv"));
    }

    /** Reads YAML or CSV, by the extension of {@code source}. */
    public static List<Scenario> read(String source, Reader reader) throws ScenarioException {
        return source.toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(source, reader) : readYaml(source, reader);
    }

    public static List<Scenario> readYaml(String source, Reader reader) throws ScenarioException {
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
        Node givenNode = fields.get("given");
        if (!(givenNode instanceof MappingNode)) {
            throw new ScenarioException(source + " line " + line(givenNode) + ": 'given' of '" + name + "' must be a mapping of key: value");
        }
        Situation given;
        try {
            given = Situation.fromMap((Map<?, ?>) Situation.plain(givenNode), Situation.SCENARIO_TIME);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source + " line " + line(givenNode) + ": 'given' of '" + name + "': " + e.getMessage());
        }
        Map<String, Node> expect = mapping(source, fields.get("expect"), EXPECT, "'expect' of '" + name + "'");
        List<String> rules = new ArrayList<>();
        if (expect.containsKey("rules")) {
            if (!(expect.get("rules") instanceof SequenceNode ruleList)) {
                throw new ScenarioException(source + " line " + line(expect.get("rules")) + ": 'rules' must be a list of rule names");
            }
            for (Node r : ruleList.getValue()) {
                rules.add(scalar(source, r, "rules"));
            }
        }
        Integer priority = null;
        if (expect.containsKey("priority")) {
            priority = integer(source, line(expect.get("priority")), scalar(source, expect.get("priority"), "priority"));
        }
        return new Scenario(name, source, line(node), given, scalar(source, expect.get("action"), "action"),
                scalar(source, expect.get("route"), "route"), scalar(source, expect.get("queue"), "queue"), priority,
                scalar(source, expect.get("prompt"), "prompt"), rules);
    }

    public static List<Scenario> readCsv(String source, Reader reader) throws ScenarioException {
        List<Csv.Row> rows;
        try {
            rows = Csv.rows(reader);
        } catch (Csv.CsvException e) {
            throw new ScenarioException(source + " " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).cells().stream().map(String::strip).toList();
        if (!header.contains("name")) {
            throw new ScenarioException(source + " line 1: the header needs a 'name' column (and expect.action, expect.queue, ... columns)");
        }
        for (String column : header) {
            if (column.startsWith("expect.") && !EXPECT.contains(column.substring(7))) {
                throw new ScenarioException(source + " line 1: unknown column '" + column + "'; expectations are "
                        + new TreeSet<>(EXPECT).stream().map(e -> "expect." + e).toList());
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r).cells();
            int line = rows.get(r).line();
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.size() > header.size()) {
                throw new ScenarioException(source + " line " + line + ": " + row.size() + " cells but the header has " + header.size());
            }
            Map<String, Object> given = new LinkedHashMap<>();
            Map<String, String> expect = new LinkedHashMap<>();
            String name = null;
            for (int c = 0; c < row.size(); c++) {
                String column = header.get(c);
                String cell = row.get(c).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                if (column.equals("name")) {
                    name = cell;
                } else if (column.startsWith("expect.")) {
                    expect.put(column.substring(7), cell);
                } else {
                    put(given, column.split("\\."), cell);
                }
            }
            if (name == null) {
                throw new ScenarioException(source + " line " + line + ": every scenario needs a name");
            }
            Situation situation;
            try {
                situation = Situation.fromMap(given, Situation.SCENARIO_TIME);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(source + " line " + line + ": '" + name + "': " + e.getMessage());
            }
            List<String> rules = expect.containsKey("rules")
                    ? List.of(expect.get("rules").split("\\s*;\\s*")) : List.of();
            Integer priority = expect.containsKey("priority") ? integer(source, line, expect.get("priority")) : null;
            scenarios.add(new Scenario(name, source, line, situation, expect.get("action"), expect.get("route"), expect.get("queue"),
                    priority, expect.get("prompt"), rules));
        }
        return scenarios;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, String[] path, String value) {
        Map<String, Object> at = map;
        for (int i = 0; i < path.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        }
        at.put(path[path.length - 1], value);
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
                        + "; expected one of " + new TreeSet<>(allowed));
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

    private static Integer integer(String source, int line, String value) throws ScenarioException {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ScenarioException(source + " line " + line + ": 'priority' must be a whole number, not '" + value + "'");
        }
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
