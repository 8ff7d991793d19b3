package org.parley.nlp.entity;

/**
 * Something specific the caller said: its type, a normalised value (digits, "250.00 USD",
 * "2026-11-27", "yes", "2") and the words it came from.
 */
public record Entity(Type type, String value, String text) {

    /** The kinds of entity Parley recognises. */
    public enum Type {
        ACCOUNT_NUMBER, CARD_NUMBER, CARD_LAST4, PHONE_NUMBER, AMOUNT, DATE, YES_NO, ORDINAL,
        /** A shop, biller or service the caller names ("aldi", "home depot"); found by the name finder. */
        MERCHANT,
        /** A person the caller names ("oliver novak"); found by the name finder. */
        PERSON_NAME
    }
}
