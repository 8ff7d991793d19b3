package org.parley.rules.fact;

/** What the IVR does after a decision. */
public enum Action {
    /** Hand the call back to the dialplan, which queues it on {@code PARLEY_QUEUE}. */
    TRANSFER,
    /** Ask the caller again, with the decision's prompt. */
    CLARIFY,
    /** Offer to call the caller back from {@code PARLEY_QUEUE} (queue closed or the wait too long). */
    CALLBACK,
    /** Say the prompt and end the call. */
    HANGUP
}
