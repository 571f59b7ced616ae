package br.com.regua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portfolio the report tests add up, registered over HTTP as a backend would, with what each
 * receivable owes worked out by hand here (2% fine once, 1% a month interest over 30-day months,
 * each rounded half up to the cent) — not by the ledger the server uses.
 */
final class ReportPortfolio {

    /** What one receivable owes on a date: its bucket and charges, computed by hand. */
    record Owed(String externalId, String bucket, String principal, String fine, String interest, String total) {
        BigDecimal totalValue() {
            return new BigDecimal(total);
        }
    }

    /**
     * On 2026-03-10 (Tuesday):
     * <ul>
     * <li>rep-not-due: 500.00 due 03-20, 10 days ahead: no charges;</li>
     * <li>rep-15: 1000.00 due 02-23, 15 days late: fine 20.00, interest 1000 × 1% × 15/30 = 5.00;</li>
     * <li>rep-45: 333.33 due 01-24, 45 days late: fine 6.6666 → 6.67, interest 333.33 × 1% × 45/30 = 4.99995 → 5.00;</li>
     * <li>rep-partial: 1000.00 due 01-09; on 02-08 (30 days late) 100.00 paid 10.00 interest, 20.00 fine, 70.00 principal;
     *     on 03-10 (60 days late) 930.00 left, interest 930 × 1% × 30/30 = 9.30 since the payment, no new fine;</li>
     * <li>rep-200: 250.00 due 2025-08-22 (a business), 200 days late: fine 5.00, interest 250 × 1% × 200/30 = 16.666… → 16.67;</li>
     * <li>rep-paid: paid in full on 02-08: not open, not counted.</li>
     * </ul>
     */
    static final List<Owed> ON_MARCH_10 = List.of(
            new Owed("rep-not-due", "Not yet due", "500.00", "0.00", "0.00", "500.00"),
            new Owed("rep-15", "1-30 days", "1000.00", "20.00", "5.00", "1025.00"),
            new Owed("rep-45", "31-60 days", "333.33", "6.67", "5.00", "345.00"),
            new Owed("rep-partial", "31-60 days", "930.00", "0.00", "9.30", "939.30"),
            new Owed("rep-200", "Over 180 days", "250.00", "5.00", "16.67", "271.67"));

    /**
     * On 2026-02-15, a week after the partial payment: rep-not-due was not yet issued (03-01);
     * rep-15 not yet due; rep-45 22 days late: interest 333.33 × 1% × 22/30 = 2.44442 → 2.44;
     * rep-partial 37 days late, 930.00 with 7 days of interest since the payment: 2.17;
     * rep-200 177 days late: interest 250 × 1% × 177/30 = 14.75.
     */
    static final List<Owed> ON_FEBRUARY_15 = List.of(
            new Owed("rep-15", "Not yet due", "1000.00", "0.00", "0.00", "1000.00"),
            new Owed("rep-45", "1-30 days", "333.33", "6.67", "2.44", "342.44"),
            new Owed("rep-partial", "31-60 days", "930.00", "0.00", "2.17", "932.17"),
            new Owed("rep-200", "91-180 days", "250.00", "5.00", "14.75", "269.75"));

    /** Every receivable registered, in due-date order (the list's order). */
    static final List<String> BY_DUE_DATE = List.of("rep-200", "rep-partial", "rep-45", "rep-paid", "rep-15", "rep-not-due");

    private static boolean registered;

    private ReportPortfolio() {
    }

    static synchronized void register(ReportSpringTests test) {
        if (registered) {
            return;
        }
        TestRestTemplate backend = test.backend();
        test.clockAt("2026-02-08T10:00:00-03:00");
        post(backend, "/api/receivables", receivable("rep-15", consumer("rep-15", "Ana Souza"), "1000.00", "2026-02-01", "2026-02-23"));
        post(backend, "/api/receivables", receivable("rep-45", consumer("rep-45", "Bruno Lima"), "333.33", "2026-01-01", "2026-01-24"));
        post(backend, "/api/receivables", receivable("rep-partial", consumer("rep-partial", "Carla Dias"), "1000.00", "2026-01-01",
                "2026-01-09"));
        post(backend, "/api/receivables", receivable("rep-200", """
                {"externalId": "cust-rep-200", "name": "Aurora Comércio, Ltda", "document": "11.222.333/0001-81",
                 "type": "BUSINESS", "email": "financeiro@aurora.example", "state": "SP"}""", "250.00", "2025-08-01", "2025-08-22"));
        post(backend, "/api/receivables", receivable("rep-paid", consumer("rep-paid", "Daniel Alves"), "400.00", "2026-01-15",
                "2026-02-01"));
        post(backend, "/api/payments", payment("pay-rep-partial", "rep-partial", "100.00"));
        // 400.00 + fine 8.00 + interest 400 × 1% × 7/30 = 0.93
        post(backend, "/api/payments", payment("pay-rep-paid", "rep-paid", "408.93"));
        test.clockAt("2026-03-10T10:00:00-03:00");
        post(backend, "/api/receivables", receivable("rep-not-due", consumer("rep-not-due", "Eva Rocha"), "500.00", "2026-03-01",
                "2026-03-20"));
        registered = true;
    }

    private static String consumer(String id, String name) {
        return """
                {"externalId": "cust-%s", "name": "%s", "document": "529.982.247-25", "type": "CONSUMER",
                 "email": "devedor@example.com", "phone": "+55 11 98765-4321", "state": "SP"}""".formatted(id, name);
    }

    private static String receivable(String id, String customer, String amount, String issued, String due) {
        return """
                {"externalId": "%s", "customer": %s, "amount": "%s", "issueDate": "%s", "dueDate": "%s",
                 "description": "Mensalidade"}""".formatted(id, customer, amount, issued, due);
    }

    private static String payment(String id, String receivable, String amount) {
        return """
                {"externalId": "%s", "receivableExternalId": "%s", "amount": "%s", "method": "PIX",
                 "paidAt": "2026-02-08T09:00:00-03:00"}""".formatted(id, receivable, amount);
    }

    private static void post(TestRestTemplate http, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity(path, new HttpEntity<>(json, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " " + response.getBody()).isTrue();
    }
}
