package org.parley.rules.engine;

/** A compile error or warning at a place in a rule file; line and column are 1-based, 0 when unknown. */
public record RuleProblem(String path, int line, int column, String message) {

    @Override
    public String toString() {
        return path + " line " + line + " col " + column + ": " + message;
    }
}
