package org.parley.ivr.dialog;

/** What Asterisk told us about a call when it entered the IVR (the AGI environment). */
public record CallInfo(String uniqueId, String channel, String callerNumber, String dialedNumber, String context) {
}
