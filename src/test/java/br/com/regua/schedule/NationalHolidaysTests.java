package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The holiday calendar is data: what the file lists is a holiday, and a line it cannot read is refused. */
class NationalHolidaysTests {

    @Test
    void everyNationalHolidayOf2026IsKnownAndCarnivalIsNot() {
        for (String day : new String[] {"2026-01-01", "2026-04-03", "2026-04-21", "2026-05-01", "2026-09-07", "2026-10-12",
                "2026-11-02", "2026-11-15", "2026-11-20", "2026-12-25"}) {
            assertThat(NationalHolidays.isHoliday(LocalDate.parse(day))).as(day).isTrue();
        }
        // Carnival and Corpus Christi are optional days, not holidays
        assertThat(NationalHolidays.isHoliday(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(NationalHolidays.isHoliday(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(NationalHolidays.isHoliday(LocalDate.of(2026, 6, 4))).isFalse();
    }

    @Test
    void aCalendarMayCountDaysFromEasterEitherWay() {
        NationalHolidays calendar = NationalHolidays.parse(List.of("# Carnival and Corpus Christi, as a city might",
                "easter-47;Carnaval;lei municipal", "easter+60;Corpus Christi;lei municipal", "", "06-24;São João;lei estadual"));

        assertThat(calendar.contains(LocalDate.of(2026, 2, 17))).isTrue();
        assertThat(calendar.contains(LocalDate.of(2026, 6, 4))).isTrue();
        assertThat(calendar.contains(LocalDate.of(2027, 2, 9))).isTrue();
        assertThat(calendar.contains(LocalDate.of(2026, 6, 24))).isTrue();
        assertThat(calendar.contains(LocalDate.of(2026, 4, 3))).as("Good Friday is not in this calendar").isFalse();
    }

    @Test
    void aLineThatIsNoDayIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> NationalHolidays.parse(List.of("01-01;ok;lei", "13-40;bad;lei")))
                .hasMessageContaining("line 2").hasMessageContaining("13-40");
        assertThatThrownBy(() -> NationalHolidays.parse(List.of("# x", "páscoa+1;bad;lei")))
                .hasMessageContaining("line 2").hasMessageContaining("neither MM-DD nor easter");
    }
}
