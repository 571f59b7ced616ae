package br.com.regua.integration.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Five business days after payment (STJ Súmula 548): weekends and national holidays do not count. */
class RemovalDeadlineTests {

    @Test
    void paidOnAMondayTheRemovalIsDueOnTheMondayAfter() {
        // Monday 4 May 2026: Tue, Wed, Thu, Fri, Mon
        assertThat(RemovalDeadline.after(LocalDate.of(2026, 5, 4))).isEqualTo(LocalDate.of(2026, 5, 11));
    }

    @Test
    void paidOnASaturdayTheCountStartsOnMonday() {
        assertThat(RemovalDeadline.after(LocalDate.of(2026, 5, 9))).isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void goodFridayAndTiradentesAreNotBusinessDays() {
        // paid Wednesday 1 April 2026: Thu 2, (Good Friday 3, weekend), Mon 6, Tue 7, Wed 8, Thu 9
        assertThat(RemovalDeadline.after(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 4, 9));
        // paid Friday 17 April 2026: Mon 20, (Tiradentes Tue 21), Wed 22, Thu 23, Fri 24, Mon 27
        assertThat(RemovalDeadline.after(LocalDate.of(2026, 4, 17))).isEqualTo(LocalDate.of(2026, 4, 27));
    }
}
