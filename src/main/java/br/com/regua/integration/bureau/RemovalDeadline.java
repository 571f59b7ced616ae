package br.com.regua.integration.bureau;

import java.time.DayOfWeek;
import java.time.LocalDate;

import br.com.regua.schedule.NationalHolidays;

/**
 * The last day a listing may stay after the debt is paid: five business days after the payment
 * (STJ Súmula 548), weekends and national holidays not counted.
 */
final class RemovalDeadline {

    /** Súmula 548 sets it; a creditor may only be quicker, which the worker already is (it asks at once). */
    static final int BUSINESS_DAYS = 5;

    private RemovalDeadline() {
    }

    static LocalDate after(LocalDate paidOn) {
        LocalDate day = paidOn;
        int counted = 0;
        while (counted < BUSINESS_DAYS) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !NationalHolidays.isHoliday(day)) {
                counted++;
            }
        }
        return day;
    }
}
