package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.Receivables;
import br.com.regua.policy.Channel;
import br.com.regua.support.ReguaSpringTests;

/**
 * The embedded default: no SMTP, no gateway. The server runs and contacts are recorded, as before delivery existed;
 * only letters are delivered, into the day's batch.
 */
class NoChannelConfiguredTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    ContactService contacts;
    @Autowired
    DeliveryWorker worker;

    @Test
    void withNoChannelConfiguredContactsAreRecordedAndStayQueued() {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("nochannel-1", "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        fireTimersUntilPassed(caseOf("nochannel-1").getId(), "Task_SendPreDueReminder", 2);

        assertThat(worker.delivers()).as("letters go into the day's batch").isTrue();
        worker.deliverDue();
        assertThat(contacts.forReceivable(receivables.get("nochannel-1").id()))
                .hasSize(2)
                .allSatisfy(c -> {
                    assertThat(c.stage()).isEqualTo("PRE_DUE_REMINDER");
                    assertThat(c.status()).isEqualTo(ContactStatus.QUEUED);
                    // a way to pay even when none is configured: the debtor's personal link, where the page
                    // shows the creditor's phone too; the e-mail names the phone itself
                    assertThat(c.body()).contains("R$ 1.500,00", "http://localhost:8080/p/");
                    if (c.channel() == Channel.EMAIL) {
                        assertThat(c.body()).contains("(11) 4000-0000");
                    }
                });
    }
}
