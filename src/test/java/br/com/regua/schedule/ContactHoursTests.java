package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import br.com.regua.policy.ContactWindow;

class ContactHoursTests {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final List<ContactWindow> SP_LAW = List.of(
            new ContactWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
            new ContactWindow(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
            new ContactWindow(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
            new ContactWindow(DayOfWeek.THURSDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
            new ContactWindow(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
            new ContactWindow(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(14, 0)));

    private static ZonedDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SAO_PAULO);
    }

    @Test
    void aTimeInsideTheWindowStays() {
        assertThat(ContactHours.nextAllowed(at("2026-03-02T10:15"), SP_LAW)).isEqualTo(at("2026-03-02T10:15"));
    }

    @Test
    void beforeEightIsDeferredToEight() {
        assertThat(ContactHours.nextAllowed(at("2026-03-02T07:59"), SP_LAW)).isEqualTo(at("2026-03-02T08:00"));
    }

    @Test
    void atEightInTheEveningIsDeferredToTheNextMorning() {
        assertThat(ContactHours.nextAllowed(at("2026-03-02T19:59"), SP_LAW)).isEqualTo(at("2026-03-02T19:59"));
        assertThat(ContactHours.nextAllowed(at("2026-03-02T20:00"), SP_LAW)).isEqualTo(at("2026-03-03T08:00"));
    }

    @Test
    void saturdayAfternoonAndSundayWaitForMonday() {
        assertThat(ContactHours.nextAllowed(at("2026-03-07T13:59"), SP_LAW)).isEqualTo(at("2026-03-07T13:59"));
        assertThat(ContactHours.nextAllowed(at("2026-03-07T14:00"), SP_LAW)).isEqualTo(at("2026-03-09T08:00"));
        assertThat(ContactHours.nextAllowed(at("2026-03-08T12:00"), SP_LAW)).isEqualTo(at("2026-03-09T08:00"));
    }

    @Test
    void nationalHolidaysGetNoContact() {
        // Tiradentes, Tuesday 21 April 2026
        assertThat(ContactHours.nextAllowed(at("2026-04-21T09:00"), SP_LAW)).isEqualTo(at("2026-04-22T08:00"));
        // Good Friday 2026 is 3 April; the next day is a Saturday
        assertThat(ContactHours.nextAllowed(at("2026-04-03T09:00"), SP_LAW)).isEqualTo(at("2026-04-04T08:00"));
        // Christmas 2026 is a Friday: next is Saturday the 26th
        assertThat(ContactHours.nextAllowed(at("2026-12-24T20:30"), SP_LAW)).isEqualTo(at("2026-12-26T08:00"));
    }

    @Test
    void twoWindowsForOneDayNarrowEachOther() {
        List<ContactWindow> narrowed = new java.util.ArrayList<>(SP_LAW);
        narrowed.add(new ContactWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(19, 0)));
        assertThat(ContactHours.nextAllowed(at("2026-03-02T08:30"), narrowed)).isEqualTo(at("2026-03-02T09:00"));
        assertThat(ContactHours.nextAllowed(at("2026-03-02T19:30"), narrowed)).isEqualTo(at("2026-03-03T08:00"));
    }

    @Test
    void easterDatesMatchTheCalendar() {
        assertThat(NationalHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(NationalHolidays.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(NationalHolidays.isHoliday(LocalDate.of(2026, 11, 20))).isTrue(); // Consciência Negra, national since 2024
        assertThat(NationalHolidays.isHoliday(LocalDate.of(2026, 11, 19))).isFalse();
    }
}
