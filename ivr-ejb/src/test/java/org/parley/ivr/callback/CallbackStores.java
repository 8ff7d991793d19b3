package org.parley.ivr.callback;

import jakarta.persistence.EntityManager;

/** The callback store as the server configures it by default, for tests in other packages that run without the server. */
public final class CallbackStores {

    private CallbackStores() {
    }

    /** Callbacks written to {@code em} with the shipped number checks and limits. */
    public static Callbacks writingTo(EntityManager em) {
        Callbacks callbacks = new Callbacks();
        callbacks.em = em;
        callbacks.delaySeconds = 300;
        callbacks.retrySeconds = 120;
        callbacks.allowedNumbers = "\\+?[0-9]{3,15}";
        callbacks.refusedNumbers = "(\\+?1)?(900|976)[0-9]{7}|(\\+44|0)(9|87|70)[0-9]+|\\+?(881|882|883)[0-9]+";
        callbacks.maxPerNumberPerDay = 3;
        return callbacks;
    }
}
