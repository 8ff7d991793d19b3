package org.parley.rules.fact;

import java.util.Objects;

/** Where the conversation stands: which turn this is and how often we already had to ask again. */
public final class DialogState {

    private final int turn;
    private final int clarifications;
    private final int noInputs;
    private final int noMatches;

    public DialogState(int turn, int clarifications) {
        this(turn, clarifications, 0, clarifications);
    }

    /**
     * @param noInputs  earlier asks of this call the caller answered with silence
     * @param noMatches earlier asks where the caller said or keyed something that was not understood
     */
    public DialogState(int turn, int clarifications, int noInputs, int noMatches) {
        this.turn = turn;
        this.clarifications = clarifications;
        this.noInputs = noInputs;
        this.noMatches = noMatches;
    }

    /** 1 for the first question of the call. */
    public int getTurn() {
        return turn;
    }

    /** How many earlier turns of this call ended in a request to clarify. */
    public int getClarifications() {
        return clarifications;
    }

    /** Earlier asks of this call answered with silence (no input). */
    public int getNoInputs() {
        return noInputs;
    }

    /** Earlier asks of this call answered with something not understood (no match). */
    public int getNoMatches() {
        return noMatches;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DialogState other && turn == other.turn && clarifications == other.clarifications
                && noInputs == other.noInputs && noMatches == other.noMatches;
    }

    @Override
    public int hashCode() {
        return Objects.hash(turn, clarifications, noInputs, noMatches);
    }

    @Override
    public String toString() {
        return "DialogState{turn=" + turn + ", clarifications=" + clarifications + ", noInputs=" + noInputs + ", noMatches=" + noMatches + "}";
    }
}
