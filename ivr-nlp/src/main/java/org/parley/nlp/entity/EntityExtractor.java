package org.parley.nlp.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@link Entity entities} in one utterance. Stateless and thread-safe; dates are resolved
 * against the {@code today} given.
 */
public final class EntityExtractor {

    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(
            Map.entry("dollars", "USD"), Map.entry("dollar", "USD"), Map.entry("bucks", "USD"), Map.entry("pounds", "GBP"),
            Map.entry("pound", "GBP"), Map.entry("quid", "GBP"), Map.entry("euros", "EUR"), Map.entry("euro", "EUR"));
    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("$", "USD", "£", "GBP", "€", "EUR");
    private static final Set<String> CENTS = Set.of("cents", "cent", "pence", "p");
    private static final Set<String> PHONE_WORDS = Set.of("phone", "mobile", "cell", "landline", "call", "text", "telephone");
    private static final Set<String> LAST4_WORDS = Set.of("ending", "ends", "last");
    private static final Set<String> YES = Set.of("yes", "yeah", "yep", "yup", "sure", "correct", "right", "absolutely",
            "definitely", "ok", "okay", "certainly", "indeed", "affirmative");
    private static final Set<String> NO = Set.of("no", "nope", "nah", "negative", "incorrect", "wrong");
    private static final Set<String> CHOICE_WORDS = Set.of("one", "option", "choice", "account", "card");
    /** "the third time I call" counts occasions, it is not a choice. */
    private static final Set<String> NOT_A_CHOICE = Set.of("time", "times");
    private static final Set<String> DATE_PREPOSITIONS = Set.of("on", "by", "until", "from", "since", "before", "after");
    private static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth"};

    public List<Entity> extract(String text, LocalDate today) {
        List<String> t = EntityTokens.of(text == null ? "" : text);
        List<Entity> found = new ArrayList<>();
        yesNo(t, found);
        for (int i = 0; i < t.size(); i++) {
            int used = amount(t, i, found);
            if (used == 0) {
                used = date(t, i, today, found);
            }
            if (used == 0) {
                used = number(t, i, found);
            }
            if (used == 0) {
                used = ordinal(t, i, found);
            }
            i += Math.max(used, 1) - 1;
        }
        return found;
    }

    /** A short answer that starts with yes or no ("yes please", "no that's wrong", "not really"). */
    private static void yesNo(List<String> t, List<Entity> found) {
        if (t.isEmpty() || t.size() > 5) {
            return;
        }
        String first = t.get(0);
        if (YES.contains(first) || t.size() >= 2 && first.equals("that's") && t.get(1).equals("right")) {
            found.add(new Entity(Entity.Type.YES_NO, "yes", first));
        } else if (NO.contains(first) || t.size() >= 2 && first.equals("not") && t.get(1).equals("really")) {
            found.add(new Entity(Entity.Type.YES_NO, "no", first));
        }
    }

    /** "$250", "250 dollars", "250 dollars and 50 cents", "£30.50". Returns tokens used. */
    private static int amount(List<String> t, int i, List<Entity> found) {
        String currency = null;
        int start = i;
        int at = i;
        if (CURRENCY_SYMBOLS.containsKey(t.get(i)) && i + 1 < t.size() && isNumber(t.get(i + 1))) {
            currency = CURRENCY_SYMBOLS.get(t.get(i));
            at = i + 1;
        } else if (!isNumber(t.get(i)) || i + 1 >= t.size() || !CURRENCY_WORDS.containsKey(t.get(i + 1))) {
            return 0;
        }
        BigDecimal value = new BigDecimal(t.get(at).replace(",", ""));
        int end = at + 1;
        if (currency == null) {
            currency = CURRENCY_WORDS.get(t.get(at + 1));
            end = at + 2;
        } else if (end < t.size() && CURRENCY_WORDS.containsKey(t.get(end))) {
            end++;
        }
        // "... and 50 cents"
        if (end + 2 < t.size() && t.get(end).equals("and") && EntityTokens.isDigits(t.get(end + 1)) && CENTS.contains(t.get(end + 2))) {
            value = value.add(new BigDecimal(t.get(end + 1)).movePointLeft(2));
            end += 3;
        }
        found.add(new Entity(Entity.Type.AMOUNT, value.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency,
                String.join(" ", t.subList(start, end))));
        return end - start;
    }

    /** Digit strings: card numbers (Luhn), last four, phone numbers, account numbers, by length and the words before. */
    private static int number(List<String> t, int i, List<Entity> found) {
        String digits = t.get(i);
        if (!EntityTokens.isDigits(digits) || digits.length() < 4) {
            return 0;
        }
        List<String> before = t.subList(Math.max(0, i - 4), i);
        Entity.Type type;
        if (digits.length() == 4 && before.stream().anyMatch(LAST4_WORDS::contains)) {
            type = Entity.Type.CARD_LAST4;
        } else if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
            type = Entity.Type.CARD_NUMBER;
        } else if (before.stream().anyMatch(PHONE_WORDS::contains) && digits.length() >= 7 && digits.length() <= 15) {
            type = Entity.Type.PHONE_NUMBER;
        } else if (before.contains("account") && digits.length() >= 6 && digits.length() <= 12) {
            type = Entity.Type.ACCOUNT_NUMBER;
        } else if ((digits.length() == 10 || digits.length() == 11) && (digits.startsWith("0") || digits.startsWith("1"))) {
            type = Entity.Type.PHONE_NUMBER;
        } else if (digits.length() >= 6 && digits.length() <= 12) {
            type = Entity.Type.ACCOUNT_NUMBER;
        } else {
            return 0;
        }
        found.add(new Entity(type, digits, digits));
        return 1;
    }

    /** today, tomorrow, yesterday, (next|last|this) friday, in 3 days, 3 days ago, the 5th (of march), march 5th, 2026-03-05. */
    private static int date(List<String> t, int i, LocalDate today, List<Entity> found) {
        String w = t.get(i);
        String next = i + 1 < t.size() ? t.get(i + 1) : "";
        String after = i + 2 < t.size() ? t.get(i + 2) : "";
        LocalDate date = null;
        int used = 1;
        if (w.matches("\\d{4}-\\d{2}-\\d{2}")) {
            date = LocalDate.parse(w);
        } else if (w.equals("today")) {
            date = today;
        } else if (w.equals("tomorrow")) {
            date = today.plusDays(1);
        } else if (w.equals("yesterday")) {
            date = today.minusDays(1);
        } else if ((w.equals("next") || w.equals("last") || w.equals("this") || w.equals("on")) && weekday(next) != null) {
            DayOfWeek day = weekday(next);
            date = switch (w) {
                case "next" -> today.with(TemporalAdjusters.next(day));
                case "last" -> today.with(TemporalAdjusters.previous(day));
                default -> today.with(TemporalAdjusters.nextOrSame(day));
            };
            used = 2;
        } else if (w.equals("in") && EntityTokens.isDigits(next) && (after.equals("days") || after.equals("day"))) {
            date = today.plusDays(Long.parseLong(next));
            used = 3;
        } else if (EntityTokens.isDigits(w) && (next.equals("days") || next.equals("day")) && after.equals("ago")) {
            date = today.minusDays(Long.parseLong(w));
            used = 3;
        } else if (month(w) != null && dayOfMonth(next) > 0) {
            date = safeDate(today.getYear(), month(w), dayOfMonth(next));
            used = 2;
        } else if (dayOfMonth(w) > 0 && isOrdinalForm(w) && next.equals("of") && month(after) != null) {
            date = safeDate(today.getYear(), month(after), dayOfMonth(w));
            used = 3;
        } else if (w.equals("the") && isOrdinalForm(next) && dayOfMonth(next) > 0) {
            boolean ofMonth = after.equals("of") && i + 3 < t.size() && month(t.get(i + 3)) != null;
            boolean afterDateWord = i > 0 && DATE_PREPOSITIONS.contains(t.get(i - 1));
            if (ofMonth) {
                date = safeDate(today.getYear(), month(t.get(i + 3)), dayOfMonth(next));
                used = 4;
            } else if (afterDateWord && !CHOICE_WORDS.contains(after)) {
                // "on the 5th": this month's 5th, or next month's when this month's has passed
                LocalDate candidate = safeDate(today.getYear(), today.getMonth(), dayOfMonth(next));
                LocalDate nextMonth = today.plusMonths(1);
                date = candidate != null && !candidate.isBefore(today) ? candidate
                        : safeDate(nextMonth.getYear(), nextMonth.getMonth(), dayOfMonth(next));
                used = 2;
            }
        }
        if (date == null) {
            return 0;
        }
        found.add(new Entity(Entity.Type.DATE, date.toString(), String.join(" ", t.subList(i, Math.min(t.size(), i + used)))));
        return used;
    }

    /** "the second one", "second option", "the third": a choice from a list. */
    private static int ordinal(List<String> t, int i, List<Entity> found) {
        int n = ordinalValue(t.get(i));
        if (n <= 0 || n > 10) {
            return 0;
        }
        String next = i + 1 < t.size() ? t.get(i + 1) : "";
        boolean choice = !NOT_A_CHOICE.contains(next) && (next.isEmpty() || CHOICE_WORDS.contains(next) || i > 0 && t.get(i - 1).equals("the"));
        if (!choice) {
            return 0;
        }
        found.add(new Entity(Entity.Type.ORDINAL, Integer.toString(n), t.get(i)));
        return 1;
    }

    private static boolean isNumber(String token) {
        return token.matches("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    }

    private static DayOfWeek weekday(String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(word)) {
                return d;
            }
        }
        return null;
    }

    private static Month month(String word) {
        for (Month m : Month.values()) {
            String name = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (name.equals(word) || word.length() == 3 && name.startsWith(word) || word.equals("sept") && m == Month.SEPTEMBER) {
                return m;
            }
        }
        return null;
    }

    private static boolean isOrdinalForm(String word) {
        return ordinalValue(word) > 0 || word.matches("\\d{1,2}(st|nd|rd|th)");
    }

    /** 1..31 from "5", "5th", "fifth", or 0. */
    private static int dayOfMonth(String word) {
        String digits = word.replaceAll("(st|nd|rd|th)$", "");
        int n = EntityTokens.isDigits(digits) && digits.length() <= 2 ? Integer.parseInt(digits) : ordinalValue(word);
        return n >= 1 && n <= 31 ? n : 0;
    }

    private static int ordinalValue(String word) {
        for (int i = 1; i < ORDINALS.length; i++) {
            if (ORDINALS[i].equals(word)) {
                return i;
            }
        }
        if (word.matches("\\d{1,2}(st|nd|rd|th)")) {
            return Integer.parseInt(word.replaceAll("\\D", ""));
        }
        return 0;
    }

    private static LocalDate safeDate(int year, Month month, int day) {
        return day <= month.length(java.time.Year.isLeap(year)) ? LocalDate.of(year, month, day) : null;
    }

    /** The Luhn checksum every payment card number satisfies. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
