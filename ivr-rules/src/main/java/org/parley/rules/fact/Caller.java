package org.parley.rules.fact;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The person calling, as far as the network tells us: the caller-id number, or that it was withheld. */
public final class Caller {

    /** What Asterisk and carriers put in CALLERID(num) when the number is not presented. */
    private static final Set<String> WITHHELD_MARKERS = Set.of("", "anonymous", "unknown", "restricted", "private", "unavailable");

    private final String number;
    private final String lastQueue;
    private final double hoursSinceLastCall;

    public Caller(String number) {
        this(number, "", Double.POSITIVE_INFINITY);
    }

    /**
     * @param lastQueue          the queue this number's previous call was routed to, "" if none
     * @param hoursSinceLastCall hours since that call started; infinity when it never called
     */
    public Caller(String number, String lastQueue, double hoursSinceLastCall) {
        this.number = number == null ? "" : number.trim();
        this.lastQueue = lastQueue == null ? "" : lastQueue;
        this.hoursSinceLastCall = hoursSinceLastCall;
    }

    /** The caller-id number as presented (digits, maybe a leading +), or "" when withheld. */
    public String getNumber() {
        return number;
    }

    /** True when the network did not present a usable number. */
    public boolean isWithheld() {
        return WITHHELD_MARKERS.contains(number.toLowerCase(Locale.ROOT)) || number.chars().noneMatch(Character::isDigit);
    }

    /** The queue the previous call from this number went to, or "". */
    public String getLastQueue() {
        return lastQueue;
    }

    /** Hours since this number last called; infinity when it never did. */
    public double getHoursSinceLastCall() {
        return hoursSinceLastCall;
    }

    /** True when this number called within the last {@code hours} hours (withheld numbers never do). */
    public boolean calledWithin(double hours) {
        return !isWithheld() && hoursSinceLastCall <= hours;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller other && number.equals(other.number) && lastQueue.equals(other.lastQueue)
                && hoursSinceLastCall == other.hoursSinceLastCall;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, lastQueue, hoursSinceLastCall);
    }

    @Override
    public String toString() {
        return "Caller{number=" + number + ", withheld=" + isWithheld()
                + (lastQueue.isEmpty() ? "" : String.format(Locale.ROOT, ", lastQueue=%s, hoursSinceLastCall=%.1f", lastQueue, hoursSinceLastCall))
                + "}";
    }
}
