package br.com.regua.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brazil's national holidays, on which no debtor is contacted. The calendar is data
 * ({@code calendar/national-holidays.csv}: each holiday with its law); this class only reads it and
 * finds the days counted from Easter.
 */
public final class NationalHolidays {

    static final String CALENDAR = "calendar/national-holidays.csv";
    private static final Pattern FIXED_DATE = Pattern.compile("(\\d{2})-(\\d{2})");
    private static final Pattern FROM_EASTER = Pattern.compile("easter([+-]\\d{1,3})");

    private static final NationalHolidays BRAZIL = load();

    private final Set<MonthDay> fixed;
    private final Set<Integer> daysFromEaster;

    private NationalHolidays(Set<MonthDay> fixed, Set<Integer> daysFromEaster) {
        this.fixed = Set.copyOf(fixed);
        this.daysFromEaster = Set.copyOf(daysFromEaster);
    }

    public static boolean isHoliday(LocalDate date) {
        return BRAZIL.contains(date);
    }

    boolean contains(LocalDate date) {
        if (fixed.contains(MonthDay.from(date))) {
            return true;
        }
        LocalDate easter = easter(date.getYear());
        return daysFromEaster.contains((int) (date.toEpochDay() - easter.toEpochDay()));
    }

    /**
     * Reads a calendar: one holiday a line ({@code MM-DD} or {@code easter±N}, then name and law),
     * {@code #} comments. A line it cannot read is refused with its number.
     */
    static NationalHolidays parse(List<String> lines) {
        Set<MonthDay> fixed = new HashSet<>();
        Set<Integer> fromEaster = new HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String when = line.split(";", 2)[0].strip();
            Matcher date = FIXED_DATE.matcher(when);
            Matcher easter = FROM_EASTER.matcher(when);
            try {
                if (date.matches()) {
                    fixed.add(MonthDay.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2))));
                } else if (easter.matches()) {
                    fromEaster.add(Integer.parseInt(easter.group(1)));
                } else {
                    throw new IllegalArgumentException("line " + (n + 1) + ": '" + when + "' is neither MM-DD nor easter±N");
                }
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": '" + when + "' is no day of the year", e);
            }
        }
        return new NationalHolidays(fixed, fromEaster);
    }

    private static NationalHolidays load() {
        try (InputStream in = NationalHolidays.class.getClassLoader().getResourceAsStream(CALENDAR)) {
            if (in == null) {
                throw new IllegalStateException(CALENDAR + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
