package org.parley.rules.scenario;

import java.util.List;
import java.util.Map;

/**
 * One analyst-written case: the facts of a turn and the decision expected. Absent expectations are
 * not checked; {@code expectedRules} must all have fired.
 */
public record Scenario(String name, String source, int line, String caller, String text, String digits, String intent,
                       double confidence, Double sentiment, int clarifications, Map<String, String> entities,
                       String expectedAction, String expectedRoute, String expectedQueue, Integer expectedPriority,
                       List<String> expectedRules) {
}
