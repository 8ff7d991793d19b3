package org.parley.rules.scenario;

/** A scenario file that cannot be read, with the file and line to fix. */
public class ScenarioException extends Exception {

    public ScenarioException(String message) {
        super(message);
    }
}
