package org.parley.ivr.crm;

/**
 * Caller numbers in one form, E.164 ({@code +15551234567}), so the CRM's "(555) 123-4567" and
 * Asterisk's "5551234567" find the same customer.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * @param raw         as the CRM or the network gives it
     * @param countryCode digits of the contact centre's own country code, for national numbers
     * @return the E.164 form, or "" when {@code raw} has no usable number (withheld, anonymous)
     */
    public static String normalise(String raw, String countryCode) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        boolean international = s.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return ""; // "anonymous", "unknown", ...
            }
        }
        String d = digits.toString();
        if (d.length() < 4) {
            return "";
        }
        if (international) {
            return "+" + d;
        }
        if (d.startsWith("00")) {
            return "+" + d.substring(2);
        }
        if (d.startsWith("0")) {
            return "+" + countryCode + d.substring(1);
        }
        if (d.startsWith(countryCode) && d.length() > 10) {
            return "+" + d;
        }
        return "+" + countryCode + d;
    }
}
