package org.parley.tools.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a simulated caller does on one call, in order:
 * {@code CallScript.from("5551234").say("my card was stolen")}. Each input answers one question
 * ({@code GET DATA}) of the IVR; when inputs run out the caller stays silent.
 */
public final class CallScript {

    private final String callerNumber;
    private String dialedNumber = "1000";
    private String scriptPath = "ivr";
    private String language = "en";
    private String uniqueId;
    private final List<CallerInput> inputs = new ArrayList<>();
    private boolean realTimeSilence;
    private int holdMillis;
    private final Map<String, String> channelVariables = new LinkedHashMap<>();
    private final java.util.Set<String> missingSounds = new java.util.HashSet<>();

    private CallScript(String callerNumber) {
        this.callerNumber = Objects.requireNonNull(callerNumber, "callerNumber");
    }

    /** A call from this caller-id number ("" or "anonymous" for a withheld number). */
    public static CallScript from(String callerNumber) {
        return new CallScript(callerNumber);
    }

    /** The number the caller dialled (agi_dnid / agi_extension); default 1000. */
    public CallScript to(String dialedNumber) {
        this.dialedNumber = dialedNumber;
        return this;
    }

    /** The FastAGI script path, as in {@code agi://host:port/<path>}; default "ivr". */
    public CallScript script(String path) {
        this.scriptPath = path;
        return this;
    }

    /** The channel's language (agi_language), as CHANNEL(language) sets it; default en. */
    public CallScript language(String language) {
        this.language = Objects.requireNonNull(language, "language");
        return this;
    }

    public String language() {
        return language;
    }

    /** A fixed Asterisk uniqueid instead of a generated one. */
    public CallScript uniqueId(String id) {
        this.uniqueId = id;
        return this;
    }

    public CallScript say(String text) {
        inputs.add(new CallerInput.Speech(text));
        return this;
    }

    /** Speaks this audio (8 kHz 16-bit mono PCM), streamed in real time (20 ms frames) or as fast as the IVR takes it. */
    public CallScript speak(byte[] pcm, boolean realTime) {
        inputs.add(new CallerInput.Audio(pcm, realTime, (char) 0, 0, -1));
        return this;
    }

    /** Starts speaking this audio and presses a key after {@code afterMs} of it. */
    public CallScript speakThenPress(byte[] pcm, boolean realTime, char digit, int afterMs) {
        inputs.add(new CallerInput.Audio(pcm, realTime, digit, afterMs, -1));
        return this;
    }

    /** Starts speaking this audio and hangs up after {@code afterMs} of it. */
    public CallScript speakThenHangUp(byte[] pcm, boolean realTime, int afterMs) {
        inputs.add(new CallerInput.Audio(pcm, realTime, (char) 0, 0, afterMs));
        return this;
    }

    /**
     * This Asterisk has no such sound file: STREAM FILE and GET DATA of it answer {@code result=-1}
     * with the channel still up, as a real Asterisk does.
     */
    public CallScript withoutSound(String soundFile) {
        missingSounds.add(soundFile);
        return this;
    }

    public boolean hasSound(String soundFile) {
        return !missingSounds.contains(soundFile);
    }

    /** Silence over AudioSocket in real time (20 ms a frame) instead of as fast as the IVR takes it. */
    /**
     * How long each prompt takes to play, with the caller's answer after it, before the channel replies to
     * {@code STREAM FILE} or {@code GET DATA}, as a real Asterisk holds the AGI while it plays: calls held open
     * for a realistic time (0, the default: reply at once).
     */
    public CallScript hold(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a hold cannot be negative");
        }
        this.holdMillis = millis;
        return this;
    }

    public int holdMillis() {
        return holdMillis;
    }

    public CallScript realTimeSilence(boolean realTime) {
        this.realTimeSilence = realTime;
        return this;
    }

    public boolean realTimeSilence() {
        return realTimeSilence;
    }

    public CallScript press(String digits) {
        inputs.add(new CallerInput.Keys(digits));
        return this;
    }

    public CallScript staySilent() {
        inputs.add(new CallerInput.Silence());
        return this;
    }

    /** The caller hangs up while the next question is asked. */
    public CallScript hangUp() {
        inputs.add(new CallerInput.HangUp());
        return this;
    }

    /** A channel variable the dialplan set before calling AGI. */
    public CallScript variable(String name, String value) {
        channelVariables.put(name, value);
        return this;
    }

    public String callerNumber() {
        return callerNumber;
    }

    public String dialedNumber() {
        return dialedNumber;
    }

    public String scriptPath() {
        return scriptPath;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public List<CallerInput> inputs() {
        return List.copyOf(inputs);
    }

    public Map<String, String> channelVariables() {
        return Map.copyOf(channelVariables);
    }
}
