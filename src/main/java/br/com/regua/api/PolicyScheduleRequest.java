package br.com.regua.api;

import java.time.OffsetDateTime;

/**
 * When a stored policy version takes effect ({@code effectiveAt}, with its offset, e.g.
 * {@code 2027-01-01T00:00:00-03:00}), and why. The author is the signed-in user: {@code author} is
 * read only to refuse a body that names one.
 */
record PolicyScheduleRequest(String author, String comment, OffsetDateTime effectiveAt) {
}
