package org.parley.ivr.call;

import jakarta.persistence.EntityManager;
import org.parley.ivr.callback.Callbacks;
import org.parley.ivr.events.EventOutbox;

/** A call repository as the server wires it, for tests in other packages that run without the server. */
public final class CallRepositories {

    private CallRepositories() {
    }

    /** Calls written to {@code em}, their events to {@code events}, callbacks they ask for to {@code callbacks}. */
    public static CallRepository writingTo(EntityManager em, EventOutbox events, Callbacks callbacks) {
        CallRepository calls = new CallRepository();
        calls.em = em;
        calls.events = events;
        calls.callbacks = callbacks;
        return calls;
    }
}
