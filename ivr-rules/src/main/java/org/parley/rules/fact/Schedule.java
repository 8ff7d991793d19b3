package org.parley.rules.fact;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * The contact centre's clock for this turn, in its own time zone: the date ({@code 2026-12-25}),
 * the day ({@code Fri}) and the time ({@code 14:05}, so {@code clock >= "08:00"} compares as
 * expected). The holidays table names the public holiday when today is one.
 */
@ClassReactive
public final class Schedule {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final LocalDateTime now;
    private String holiday = "";

    public Schedule(LocalDateTime now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    public LocalDateTime getNow() {
        return now;
    }

    /** ISO date, e.g. {@code 2026-12-25}. */
    public String getDate() {
        return now.toLocalDate().toString();
    }

    /** Three-letter English day name: Mon, Tue, ... Sun. */
    public String getDay() {
        return now.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** Local time as HH:mm. */
    public String getClock() {
        return String.format(Locale.ROOT, "%02d:%02d", now.getHour(), now.getMinute());
    }

    /** The public holiday's name, or "" on an ordinary day. */
    public String getHoliday() {
        return holiday;
    }

    public boolean isHolidayToday() {
        return !holiday.isEmpty();
    }

    /** Set by the holidays table. */
    public void setHoliday(String holiday) {
        this.holiday = holiday == null ? "" : holiday;
    }

    /**
     * Whether today falls on {@code days}: "Mon-Fri", "Sat", "Sat,Sun", "Mon-Sun", "every day", or
     * "Holiday". On a public holiday only "Holiday" and "every day" match, so the holiday's opening
     * hours apply.
     *
     * @throws IllegalArgumentException naming the part of {@code days} that is not a day
     */
    public boolean isOn(String days) {
        String spec = days.strip().toLowerCase(Locale.ROOT);
        if (spec.equals("holiday") || spec.equals("holidays")) {
            return isHolidayToday();
        }
        if (spec.equals("every day") || spec.equals("daily")) {
            return true;
        }
        if (isHolidayToday()) {
            return false;
        }
        int today = now.getDayOfWeek().getValue();
        for (String part : spec.split(",")) {
            String[] range = part.strip().split("\\s*-\\s*");
            int from = day(range[0], days);
            int to = range.length > 1 ? day(range[1], days) : from;
            if (from <= to ? today >= from && today <= to : today >= from || today <= to) {
                return true;
            }
        }
        return false;
    }

    private static int day(String name, String spec) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < DAYS.length; i++) {
            if (n.startsWith(DAYS[i].toLowerCase(Locale.ROOT))) {
                return DayOfWeek.of(i + 1).getValue();
            }
        }
        throw new IllegalArgumentException("'" + name.strip() + "' in days '" + spec
                + "' is not a day; write Mon, Tue, Wed, Thu, Fri, Sat, Sun, a range like Mon-Fri, 'every day' or 'Holiday'");
    }

    @Override
    public String toString() {
        return "Schedule{date=" + getDate() + ", day=" + getDay() + ", clock=" + getClock()
                + (holiday.isEmpty() ? "" : ", holiday=" + holiday) + "}";
    }
}
