package br.com.regua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.NodeKilledDay;

/**
 * One node killed ({@code kill -9}) in the middle of a day's steps ({@link NodeKilledDay}): the other
 * finishes the day once the dead node's job locks and contact leases expire; every step is taken
 * once, every contact recorded once and delivered (again, with the same idempotency key, where the
 * dead node may have sent it before recording it), and every receivable the dead node answered
 * 2xx for is there. {@code ClusterBenchmark} runs the same day with thousands of cases.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class NodeKilledPostgresIntegrationTests {

    @Test
    void theSurvivorFinishesTheDayOfANodeKilledMidwayAndNothingIsLostOrDoneTwice() throws Exception {
        try (NodeKilledDay day = new NodeKilledDay(Duration.ofMinutes(4))) {
            NodeKilledDay.Outcome outcome = day.run(ClusterNodes.newDatabase("node_killed"), 160, 40,
                    Path.of("target", "node-killed", "dying.log"));
            System.out.println("Node killed mid-day: " + outcome);

            assertThat(outcome.accepted()).isEqualTo(200);
            assertThat(outcome.receivables()).as("receivables accepted with a 2xx, on either node").isEqualTo(200);
            assertThat(outcome.reachedWhenKilled()).as("reminders the dying node took").isPositive().isLessThan(200);
            assertThat(outcome.stagesReachedOtherThanOnce()).as("cases whose reminder stage was reached other than once").isZero();
            assertThat(outcome.incidents()).isZero();
            assertThat(outcome.contactsNotSent()).isZero();
            assertThat(outcome.emailContacts()).hasSize(200);
            assertThat(outcome.smsContacts()).hasSize(200);
            assertThat(outcome.neverDelivered()).isZero();
            // a contact the dead node sent but had not yet recorded as sent goes again under the same key,
            // which the provider drops as a duplicate; no other contact goes twice
            assertThat(outcome.sentAgain()).isLessThanOrEqualTo(outcome.leasedWhenKilled());
        }
    }
}
