package br.com.regua.portal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The debtor portal's mechanism (how long a link opens is policy: {@code rules/compliance.drl}).
 *
 * @param baseUrl          where debtors reach Régua: links read {@code <baseUrl>/p/<token>}
 * @param defaultLinkDays  how long a link opens when the active policy says nothing
 * @param maxFailures      wrong answers to the identity check a link takes in {@code failureWindow}; then it waits
 * @param failureWindow    how long the count of wrong answers lasts, and a locked link waits
 * @param failureDelay     each wrong answer is answered this much later per wrong answer so far (up to five times)
 * @param tipsFile         the financial-education tips page, written by the business (none: the built-in one)
 */
@ConfigurationProperties(prefix = "regua.portal")
public record PortalProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("30") int defaultLinkDays,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("PT1H") Duration failureWindow,
        @DefaultValue("PT0.3S") Duration failureDelay,
        java.nio.file.Path tipsFile) {

    /** The base without a trailing slash. */
    String base() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
