package org.parley.tools.bench;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parley.rules.engine.DecisionResult;
import org.parley.rules.engine.RuleSet;
import org.parley.rules.engine.RuleSource;
import org.parley.rules.engine.Situation;
import org.parley.rules.scenario.Scenario;
import org.parley.rules.scenario.ScenarioFile;

/**
 * One routing decision as the dialog makes it: a stateless session over the facts of a turn, with
 * the fired-rule audit. The turns are the shipped scenarios' situations (every policy path) plus
 * callers that the generated rules name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    /** Generated rules added to the shipped rule set. */
    @Param({"0", "1000"})
    public int generatedRules;

    private RuleSet rules;
    private List<List<Object>> turns;
    private int next;

    @Setup
    public void compile() throws Exception {
        rules = ruleSet(generatedRules);
        turns = turns();
    }

    @Benchmark
    public DecisionResult decide() {
        List<Object> facts = turns.get(next);
        next = next + 1 == turns.size() ? 0 : next + 1;
        return rules.decide(facts);
    }

    /** The shipped rule set plus {@code generated} generated rules. */
    public static RuleSet ruleSet(int generated) throws Exception {
        ClassLoader cl = DecisionBenchmark.class.getClassLoader();
        List<RuleSource> sources = new ArrayList<>(RuleSet.defaultSources(cl));
        if (generated > 0) {
            sources.add(GeneratedRules.of(generated));
        }
        return RuleSet.compile(generated == 0 ? "shipped" : "shipped+" + generated, sources, cl);
    }

    /** The facts of every shipped scenario, and of campaign callers the generated rules name. */
    public static List<List<Object>> turns() throws Exception {
        List<List<Object>> turns = new ArrayList<>();
        for (Map.Entry<String, String> file : RuleSet.defaultScenarioFiles(DecisionBenchmark.class.getClassLoader()).entrySet()) {
            for (Scenario s : ScenarioFile.read(file.getKey(), new StringReader(file.getValue()))) {
                turns.add(s.given().facts());
            }
        }
        for (int i = 0; i < 8; i++) {
            Situation campaign = Situation.fromMap(Map.of("caller", String.format("+1555%07d", 100_000 + i * 4), "intent",
                    "account_balance", "confidence", "0.9"), Situation.SCENARIO_TIME);
            turns.add(campaign.facts());
        }
        return turns;
    }
}
