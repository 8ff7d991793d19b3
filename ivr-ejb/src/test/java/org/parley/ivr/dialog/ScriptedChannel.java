package org.parley.ivr.dialog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call as the dialog sees it through its {@link CallChannel} port, played from a script: at each
 * question the caller presses keys, says words (given as text, as a {@code PARLEY_INPUT=text} call
 * does), stays silent or hangs up; a caller whose script has run out hangs up. It keeps what the dialog
 * did to the call — prompts played, variables set, answered, hung up — for the test to check.
 */
final class ScriptedChannel implements CallChannel {

    private final CallInfo info;
    private final Deque<String[]> script = new ArrayDeque<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    final List<String> played = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    boolean answered;
    boolean hungUp;

    ScriptedChannel(String uniqueId, String callerNumber) {
        this.info = new CallInfo(uniqueId, "PJSIP/trunk-00000001", callerNumber, "100", "parley-ivr", "en");
        variables.put(DialogService.INPUT_VARIABLE, "text");
    }

    ScriptedChannel say(String words) {
        script.add(new String[] {"say", words});
        return this;
    }

    ScriptedChannel press(String keys) {
        script.add(new String[] {"press", keys});
        return this;
    }

    ScriptedChannel silent() {
        script.add(new String[] {"silent", ""});
        return this;
    }

    /** The node running the dialog dies while asking (its thread stops, as a killed JVM's would, without ending the call). */
    ScriptedChannel nodeDies() {
        script.add(new String[] {"dies", ""});
        return this;
    }

    /** What stops the dialog of a node that {@link #nodeDies() dies}: an error, which no part of the dialog handles. */
    static final class NodeDied extends Error {
        private static final long serialVersionUID = 1L;

        NodeDied() {
            super("the node running this call died");
        }
    }

    /** The same call, moved by Asterisk's dialplan to another node (same channel, same unique id), with a new script. */
    ScriptedChannel movedToAnotherNode() {
        ScriptedChannel moved = new ScriptedChannel(info.uniqueId(), info.callerNumber());
        moved.variables.clear();
        moved.variables.putAll(variables);
        moved.answered = answered;
        return moved;
    }

    ScriptedChannel hangUp() {
        script.add(new String[] {"hangup", ""});
        return this;
    }

    /** A channel variable as the dialog left it (what the dialplan reads after the AGI returns). */
    String variableSet(String name) {
        return variables.get(name);
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public void answer() {
        answered = true;
    }

    @Override
    public void play(String soundFile) {
        played.add(soundFile);
    }

    @Override
    public String collectDigits(String promptFile, int timeoutMillis, int maxDigits) {
        asked.add(promptFile);
        String[] step = script.poll();
        if (step == null || step[0].equals("hangup")) {
            throw new CallerHungUpException(info.uniqueId());
        }
        if (step[0].equals("dies")) {
            throw new NodeDied();
        }
        switch (step[0]) {
            case "press" -> {
                return step[1];
            }
            case "say" -> variables.put(DialogService.UTTERANCE_VARIABLE, step[1]);
            default -> { }
        }
        return "";
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public void setVariable(String name, String value) {
        variables.put(name, value);
    }

    @Override
    public void hangup() {
        hungUp = true;
    }
}
