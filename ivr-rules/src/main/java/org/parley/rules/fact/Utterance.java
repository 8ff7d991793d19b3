package org.parley.rules.fact;

import java.util.Objects;

/** What the caller gave us this turn: spoken words (as text), keypad digits, or nothing at all. */
public final class Utterance {

    private final String text;
    private final String digits;

    public Utterance(String text, String digits) {
        this.text = text == null ? "" : text.trim();
        this.digits = digits == null ? "" : digits.trim();
    }

    public static Utterance spoken(String text) {
        return new Utterance(text, "");
    }

    public static Utterance keyed(String digits) {
        return new Utterance("", digits);
    }

    public static Utterance silence() {
        return new Utterance("", "");
    }

    public String getText() {
        return text;
    }

    public String getDigits() {
        return digits;
    }

    /** True when the caller pressed keys this turn. */
    public boolean isKeyed() {
        return !digits.isEmpty();
    }

    /** True when the caller neither spoke nor pressed a key. */
    public boolean isSilent() {
        return text.isEmpty() && digits.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Utterance other && text.equals(other.text) && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, digits);
    }

    @Override
    public String toString() {
        return "Utterance{text=" + text + ", digits=" + digits + "}";
    }
}
