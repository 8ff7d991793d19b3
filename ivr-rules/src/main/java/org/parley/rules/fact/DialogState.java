package org.parley.rules.fact;

import java.util.Objects;

/** Where the conversation stands: which turn this is and how often we already had to ask again. */
public final class DialogState {

    private final int turn;
    private final int clarifications;

    public DialogState(int turn, int clarifications) {
        this.turn = turn;
        this.clarifications = clarifications;
    }

    /** 1 for the first question of the call. */
    public int getTurn() {
        return turn;
    }

    /** How many earlier turns of this call ended in a request to clarify. */
    public int getClarifications() {
        return clarifications;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DialogState other && turn == other.turn && clarifications == other.clarifications;
    }

    @Override
    public int hashCode() {
        return Objects.hash(turn, clarifications);
    }

    @Override
    public String toString() {
        return "DialogState{turn=" + turn + ", clarifications=" + clarifications + "}";
    }
}
