package org.parley.ivr.rules;

/** A rule-set lifecycle step that is not allowed as asked (the message says why); nothing was changed. */
public class RuleLifecycleException extends RuntimeException {

    /** Why, so the API can answer with the right status. */
    public enum Reason {
        NO_SUCH_VERSION,
        /** Approving or rejecting a version that is not waiting for review. */
        NOT_PROPOSED,
        /** A publisher reviewing their own proposal. */
        OWN_PROPOSAL,
        /** Serving a version that was proposed or rejected, never published. */
        NOT_PUBLISHED
    }

    private final Reason reason;

    public RuleLifecycleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
