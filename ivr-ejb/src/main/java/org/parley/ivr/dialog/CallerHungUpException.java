package org.parley.ivr.dialog;

/** The caller hung up; the channel is gone and nothing more can be said to them. */
public class CallerHungUpException extends RuntimeException {

    public CallerHungUpException(String uniqueId) {
        super("caller hung up on call " + uniqueId);
    }
}
