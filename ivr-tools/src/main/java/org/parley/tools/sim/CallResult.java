package org.parley.tools.sim;

import java.util.List;
import java.util.Map;

/**
 * How a simulated call went: the channel variables the IVR set, the sound files it played, the full
 * wire transcript ({@code >} sent by the IVR, {@code <} answered by the simulator), how it ended, and the
 * decision time: from sending the reply that carried the caller's last words (or keys) to receiving
 * {@code SET VARIABLE PARLEY_ROUTE} with no prompt played between, in milliseconds (NaN when the call was not
 * routed straight after an answer: hung up, or a prompt such as a callback offer came first).
 */
public record CallResult(String uniqueId, Ending ending, Map<String, String> variablesSet, List<String> played,
                         List<String> transcript, double decisionMillis) {

    /** How the call ended. */
    public enum Ending {
        /** The IVR closed the connection with the channel up: it handed the call back to the dialplan. */
        RETURNED_TO_DIALPLAN,
        /** The IVR sent HANGUP. */
        HUNG_UP_BY_IVR,
        /** The scripted caller hung up. */
        CALLER_HUNG_UP,
        /** The IVR went quiet for longer than the simulator waits. */
        TIMED_OUT
    }

    public CallResult {
        variablesSet = Map.copyOf(variablesSet);
        played = List.copyOf(played);
        transcript = List.copyOf(transcript);
    }

    /** {@code PARLEY_ROUTE} as set by the IVR, or null. */
    public String route() {
        return variablesSet.get("PARLEY_ROUTE");
    }

    public String queue() {
        return variablesSet.get("PARLEY_QUEUE");
    }

    public String priority() {
        return variablesSet.get("PARLEY_PRIORITY");
    }
}
