package org.parley.ivr.dialog;

/**
 * What Asterisk told us about a call when it entered the IVR (the AGI environment); {@code language}
 * is the channel's ({@code agi_language}, e.g. {@code en}, {@code es}).
 */
public record CallInfo(String uniqueId, String channel, String callerNumber, String dialedNumber, String context, String language) {

    public CallInfo(String uniqueId, String channel, String callerNumber, String dialedNumber, String context) {
        this(uniqueId, channel, callerNumber, dialedNumber, context, "en");
    }
}
