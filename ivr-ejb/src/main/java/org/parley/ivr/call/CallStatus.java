package org.parley.ivr.call;

/** Where a call stands or how it ended. */
public enum CallStatus {
    /** In the IVR now. */
    IN_PROGRESS,
    /** Handed back to the dialplan with a queue to go to. */
    ROUTED,
    /** Ended by the IVR after a goodbye. */
    COMPLETED,
    /** The caller hung up before the IVR finished. */
    ABANDONED,
    /** Something broke; the log says what. */
    FAILED,
    /**
     * The server stopped (or Parley was redeployed, or the node crashed) while the call was in the
     * IVR: the dialplan took the call on to its fallback.
     */
    INTERRUPTED
}
