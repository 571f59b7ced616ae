package br.com.regua.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.security.Role;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/**
 * Five years after a debt closed, what was said and decided about it is purged; the debt and its
 * payments stay. Each run has a database of its own: the clock goes years ahead, which the shared
 * server's other tests must not see.
 */
abstract class RetentionScenarios extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    RetentionService retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    br.com.regua.agreement.DisputeService disputes;
    @Autowired
    br.com.regua.receivable.ReceivableRepository repository;

    long count(String table, String externalId) {
        return jdbc.sql("select count(*) from " + table + " t join receivable r on r.id = t.receivable_id where r.external_id = ?")
                .param(externalId).query(Long.class).single();
    }

    void registerAndWalk(String externalId) {
        receivables.register(Receivables.owing(externalId, "500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        fireNextTimer(caseOf(externalId).getId()); // the pre-due reminder: a message, a decision, a timeline entry
    }

    void pay(String externalId, String amount) {
        payments.register(new NewPayment(externalId + "-pix", externalId, new BigDecimal(amount), PaymentMethod.PIX,
                OffsetDateTime.now(clock)));
        assertThat(receivables.get(externalId).status().name()).isEqualTo("PAID");
    }

    /** Keeps a letter for the debt's first message, as the delivery worker keeps the PDF it posted. */
    void letterPosted(String externalId) {
        jdbc.sql("""
                insert into letter (contact_id, pdf, address, created_at)
                select min(c.id), ?, 'Rua das Flores, 123, CEP 01310-100', ? from contact c join receivable r on r.id = c.receivable_id
                where r.external_id = ?""").params("%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                OffsetDateTime.now(clock), externalId).update();
    }

    long letters(String externalId) {
        return jdbc.sql("select count(*) from letter l join contact c on c.id = l.contact_id join receivable r on r.id = c.receivable_id "
                + "where r.external_id = ?").param(externalId).query(Long.class).single();
    }

    @Test
    void theLetterPostedForAClosedDebtIsPurgedWithItsMessageAndAnOpenDebtsStays() {
        setClock("2026-03-02T10:00:00-03:00");
        registerAndWalk("retention-letter-old");
        registerAndWalk("retention-letter-open");
        letterPosted("retention-letter-old");
        letterPosted("retention-letter-open");
        pay("retention-letter-old", "500.00");

        setClock("2031-03-13T10:00:00-03:00");
        retention.purge();

        assertThat(letters("retention-letter-old")).isZero();
        assertThat(letters("retention-letter-open")).isOne();
    }

    @Test
    void fiveYearsAfterADebtClosedItsMessagesDecisionsAndTimelineArePurgedAndItsLedgerStays() {
        // Monday 2 March 2026: three debts; one is paid on 2 March, one on 12 March 2027, one is never paid
        setClock("2026-03-02T10:00:00-03:00");
        registerAndWalk("retention-old");
        registerAndWalk("retention-recent");
        registerAndWalk("retention-open");
        pay("retention-old", "500.00");
        assertThat(count("contact", "retention-old")).isPositive();
        assertThat(count("decision_record", "retention-old")).isPositive();
        assertThat(count("case_event", "retention-old")).isPositive();
        setClock("2027-03-12T10:00:00-03:00");
        pay("retention-recent", "700.00"); // with a year of late charges

        // 13 March 2031: the first closed five years and a day ago; the second four years ago
        setClock("2031-03-13T10:00:00-03:00");
        RetentionService.Purge purge = retention.purge();

        assertThat(purge.receivables()).isEqualTo(1);
        assertThat(count("contact", "retention-old")).isZero();
        assertThat(count("decision_record", "retention-old")).isZero();
        assertThat(count("case_event", "retention-old")).isZero();
        assertThat(count("payment", "retention-old")).as("the creditor's books").isOne();
        ResponseEntity<JsonNode> old = as(Role.INTEGRATION).getForEntity("/api/receivables/retention-old", JsonNode.class);
        assertThat(old.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(old.getBody().get("status").asText()).isEqualTo("PAID");
        assertThat(old.getBody().get("amount").asText()).isEqualTo("500.00");
        assertThat(jdbc.sql("select purged_at from receivable where external_id = 'retention-old'").query(OffsetDateTime.class).single())
                .isNotNull();
        for (String kept : new String[] {"retention-recent", "retention-open"}) {
            assertThat(count("contact", kept)).as(kept).isPositive();
            assertThat(count("decision_record", kept)).as(kept).isPositive();
            assertThat(count("case_event", kept)).as(kept).isPositive();
        }

        // the debtors' links in those messages expired long ago: they open nothing, and are gone
        assertThat(purge.portalLinks()).isPositive();
        assertThat(jdbc.sql("select count(*) from portal_link").query(Long.class).single()).isZero();

        // again: nothing more to purge
        assertThat(retention.purge().receivables()).isZero();
    }

    @Test
    void thePeriodRunsFromWhenTheDebtLastClosedNotFromALaterChangeOfItsRow() {
        setClock("2026-03-02T10:00:00-03:00");
        registerAndWalk("retention-touched");
        registerAndWalk("retention-reopened");
        pay("retention-touched", "500.00");
        pay("retention-reopened", "500.00");
        // 2028: the first debt's row changes while it stays paid; the second reopens (a payment reversed) and is paid again
        setClock("2028-06-01T10:00:00-03:00");
        OffsetDateTime later = OffsetDateTime.now(clock);
        repository.updateStatus(receivables.get("retention-touched").id(), br.com.regua.receivable.ReceivableStatus.PAID, later);
        long reopened = receivables.get("retention-reopened").id();
        repository.updateStatus(reopened, br.com.regua.receivable.ReceivableStatus.OPEN, later);
        repository.updateStatus(reopened, br.com.regua.receivable.ReceivableStatus.PAID, later);

        // 13 March 2031: five years after the first closed; three after the second closed again
        setClock("2031-03-13T10:00:00-03:00");
        retention.purge();

        assertThat(count("contact", "retention-touched")).as("closed five years ago").isZero();
        assertThat(count("contact", "retention-reopened")).as("closed again three years ago").isPositive();
    }

    @Test
    void aDebtClosedByANodeOfTheReleaseBeforeIsPurgedFromItsLastUpdate() {
        setClock("2026-03-02T10:00:00-03:00");
        registerAndWalk("retention-old-node");
        pay("retention-old-node", "500.00");
        // the node that took the payment knew nothing of closed_at (nodes upgraded one at a time)
        jdbc.sql("update receivable set closed_at = null where external_id = 'retention-old-node'").update();

        setClock("2031-03-13T10:00:00-03:00");
        retention.purge();

        assertThat(count("contact", "retention-old-node")).isZero();
        assertThat(jdbc.sql("select closed_at from receivable where external_id = 'retention-old-node'").query(OffsetDateTime.class)
                .single()).isNotNull();
    }

    @Test
    void theReceiptOfADisputeGoesWithTheCaseFiveYearsAfterItClosedAndStaysWhileItIsOpen() {
        setClock("2026-03-02T10:00:00-03:00");
        registerAndWalk("retention-receipt-closed");
        registerAndWalk("retention-receipt-open");
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String closed = disputes.open("retention-receipt-closed", "Pelo portal: Já paguei", pdf).id();
        String open = disputes.open("retention-receipt-open", "Pelo portal: Já paguei", pdf).id();
        // upheld: the debt is cancelled, and so closed
        disputes.resolve(closed, br.com.regua.agreement.DisputeOutcome.UPHELD, null, "pagamento encontrado");
        assertThat(receivables.get("retention-receipt-closed").status().name()).isEqualTo("CANCELLED");

        setClock("2031-03-13T10:00:00-03:00");
        RetentionService.Purge purge = retention.purge();

        assertThat(purge.receipts()).isOne();
        assertThat(jdbc.sql("select count(*) from dispute_receipt where dispute_id = ?").param(closed).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dispute_receipt where dispute_id = ?").param(open).query(Long.class).single()).isOne();
        // the dispute itself stays, as the debt's ledger does
        assertThat(jdbc.sql("select count(*) from dispute where id = ?").param(closed).query(Long.class).single()).isOne();
    }
}
