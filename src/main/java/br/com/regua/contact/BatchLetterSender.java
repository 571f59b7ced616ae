package br.com.regua.contact;

import java.time.Clock;
import java.time.LocalDate;

import br.com.regua.policy.Channel;

/**
 * Letters without a print-and-post provider: each letter, as it falls due, is rendered and put into
 * the day's batch, and counts as SENT from then (its provider id names the batch, {@code LOTE-2026-12-01}).
 * Whoever posts the letters downloads the batch ({@code GET /api/letters/batch?date=}) as often as
 * needed: the same day gives the same letters.
 */
class BatchLetterSender implements ChannelSender {

    private final Letters letters;
    private final Clock clock;

    BatchLetterSender(Letters letters, Clock clock) {
        this.letters = letters;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String send(OutgoingContact contact) throws DeliveryException {
        letters.print(contact);
        LocalDate day = LocalDate.now(clock);
        letters.inBatch(contact.id(), day);
        return "LOTE-" + day;
    }
}
