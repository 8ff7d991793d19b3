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
     * @return the E.164 form, or "" when {@code raw} has no usable number (withheld, anonymous,
     *         fewer than 4 digits, or more than E.164's 15 once the country code is in place)
     */
    public static String normalise(String raw, String countryCode) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        boolean international = s.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') { // ASCII only: other scripts' digits are not a dialable number
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return ""; // "anonymous", "unknown", ...
            }
        }
        String d = digits.toString();
        if (d.length() < 4) {
            return "";
        }
        String e164;
        if (international) {
            e164 = "+" + d;
        } else if (d.startsWith("00")) {
            e164 = "+" + d.substring(2);
        } else if (d.startsWith("0")) {
            e164 = "+" + countryCode + d.substring(1);
        } else if (d.startsWith(countryCode) && d.length() > 10) {
            e164 = "+" + d;
        } else {
            e164 = "+" + countryCode + d;
        }
        return e164.length() > 16 || e164.length() < 5 ? "" : e164;
    }
}
