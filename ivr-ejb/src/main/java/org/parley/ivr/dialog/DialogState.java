package org.parley.ivr.dialog;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a call's dialog stands between two turns: enough for another node to carry on with the next turn when the
 * node that had the call dies (Asterisk's dialplan sends the call there). Kept in the {@code dialog-state} cache by
 * the call's unique id; JDK types only, so it is marshalled without Parley's classes on the wire.
 *
 * @param startedAt       when the call entered the IVR (its record is found by unique id and this)
 * @param ruleSetVersion  the rule set the call is decided by ("v3")
 * @param nextTurn        the number of the turn to ask next
 * @param prompt          the prompt that asks it
 * @param textInput       whether the caller's words come as text ({@code PARLEY_INPUT=text})
 * @param moods           the sentiment score of each understood turn so far
 */
public record DialogState(Instant startedAt, String ruleSetVersion, int nextTurn, String prompt, boolean textInput,
                          int clarifications, int noInputs, int noMatches, ArrayList<Double> moods) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DialogState {
        moods = new ArrayList<>(moods);
    }

    /** A copy of the moods, so the state handed out cannot be changed under the cache. */
    public List<Double> moodsSoFar() {
        return new ArrayList<>(moods);
    }
}
