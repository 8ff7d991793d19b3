package org.parley.camel.dialog;

/** Where and how the FastAGI listener runs; see the {@code parley.agi.*} keys in the README. */
public record FastAgiSettings(String script, String bindAddress, int port, int idleThreads, int maxSessions, int readTimeoutSeconds) {

    /** The endpoint URI these settings describe. */
    public String uri() {
        return "fastagi:" + script + "?bindAddress=" + bindAddress + "&port=" + port + "&idleThreads=" + idleThreads
                + "&maxSessions=" + maxSessions + "&readTimeoutSeconds=" + readTimeoutSeconds;
    }
}
