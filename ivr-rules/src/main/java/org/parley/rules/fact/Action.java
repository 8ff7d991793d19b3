package org.parley.rules.fact;

/** What the IVR does after a decision. */
public enum Action {
    /** Hand the call back to the dialplan, which queues it on {@code PARLEY_QUEUE}. */
    TRANSFER,
    /** Ask the caller again, with the decision's prompt. */
    CLARIFY,
    /** Say the prompt and end the call. */
    HANGUP
}
