package org.parley.nlp.entity;

/**
 * Something specific the caller said: its type, a normalised value (digits, "250.00 USD",
 * "2026-11-27", "yes", "2") and the words it came from.
 */
public record Entity(Type type, String value, String text) {

    /** The kinds of entity Parley recognises. */
    public enum Type {
        ACCOUNT_NUMBER, CARD_NUMBER, CARD_LAST4, PHONE_NUMBER, AMOUNT, DATE, YES_NO, ORDINAL
    }
}
