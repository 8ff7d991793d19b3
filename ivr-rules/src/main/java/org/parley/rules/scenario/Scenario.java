package org.parley.rules.scenario;

import java.util.List;
import org.parley.rules.engine.Situation;

/**
 * One analyst-written case: the situation of a turn and the decision expected. Absent expectations
 * are not checked; {@code expectedRules} must all have fired.
 */
public record Scenario(String name, String source, int line, Situation given, String expectedAction, String expectedRoute,
                       String expectedQueue, Integer expectedPriority, String expectedPrompt, List<String> expectedRules) {
}
