package br.com.regua.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.schedule.SimulationClock;
import br.com.regua.schedule.SimulationService;
import br.com.regua.support.Receivables;

/**
 * Cases that walk the whole schedule, from the pre-due reminder to the legal team, and are then
 * paid: what the data growth and retention benchmarks measure. Receivables {@code prefix-0},
 * {@code prefix-1}… of R$ 2.500,00 (large enough for every stage, bureau, agency and legal referral
 * included), due on 16 March 2026.
 */
final class WalkedCases {

    private WalkedCases() {
    }

    static void register(ReceivableService receivables, SimulationClock clock, String prefix, int cases) {
        clock.moveTo(OffsetDateTime.parse("2026-03-02T10:00:00-03:00").toInstant());
        for (int from = 0; from < cases; from += 500) {
            List<NewReceivable> batch = new ArrayList<>();
            for (int i = from; i < Math.min(cases, from + 500); i++) {
                batch.add(Receivables.owing(prefix + "-" + i, "2500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
            }
            receivables.registerAll(batch);
        }
    }

    /** Every step due until 30 September 2026. */
    static SimulationService.Advance walk(SimulationService simulation) {
        return simulation.advanceTo(OffsetDateTime.parse("2026-09-30T10:00:00-03:00").toInstant());
    }

    /** Every debt paid in full on 1 October 2026, and the thank-you sent the next day. */
    static void payAll(PaymentService payments, SimulationService simulation, SimulationClock clock, String prefix, int cases) {
        clock.moveTo(OffsetDateTime.parse("2026-10-01T10:00:00-03:00").toInstant());
        for (int i = 0; i < cases; i++) {
            payments.register(new NewPayment(prefix + "-pay-" + i, prefix + "-" + i, new BigDecimal("9999.00"), PaymentMethod.PIX,
                    OffsetDateTime.now(clock)));
        }
        simulation.advanceTo(OffsetDateTime.parse("2026-10-02T10:00:00-03:00").toInstant());
    }
}
