package org.parley.rules.fact;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The person calling, as far as the network tells us: the caller-id number, or that it was withheld. */
public final class Caller {

    /** What Asterisk and carriers put in CALLERID(num) when the number is not presented. */
    private static final Set<String> WITHHELD_MARKERS = Set.of("", "anonymous", "unknown", "restricted", "private", "unavailable");

    private final String number;

    public Caller(String number) {
        this.number = number == null ? "" : number.trim();
    }

    /** The caller-id number as presented (digits, maybe a leading +), or "" when withheld. */
    public String getNumber() {
        return number;
    }

    /** True when the network did not present a usable number. */
    public boolean isWithheld() {
        return WITHHELD_MARKERS.contains(number.toLowerCase(Locale.ROOT)) || number.chars().noneMatch(Character::isDigit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Caller other && number.equals(other.number);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number);
    }

    @Override
    public String toString() {
        return "Caller{number=" + number + ", withheld=" + isWithheld() + "}";
    }
}
