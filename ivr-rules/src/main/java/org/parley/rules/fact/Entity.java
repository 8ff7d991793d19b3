package org.parley.rules.fact;

import java.util.Objects;

/**
 * Something specific the caller said this turn: {@code type} is one of ACCOUNT_NUMBER, CARD_NUMBER,
 * CARD_LAST4, PHONE_NUMBER, AMOUNT, DATE, YES_NO, ORDINAL; {@code value} is normalised ("456789",
 * "250.00 USD", "2026-11-27", "yes", "2").
 */
public final class Entity {

    private final String type;
    private final String value;

    public Entity(String type, String value) {
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String getType() {
        return type;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entity other && type.equals(other.type) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return "Entity{type=" + type + ", value=" + value + "}";
    }
}
