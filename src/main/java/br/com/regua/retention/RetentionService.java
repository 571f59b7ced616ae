package br.com.regua.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import br.com.regua.receivable.ReceivableStatus;

/**
 * Purges what was said and decided about debts closed longer ago than the retention period:
 * their messages (with the debtor's personal data), decision records, timeline and events to
 * backends, and the receipts debtors attached to disputes. The receivable, its payments, agreements and promises stay, and the receivable records
 * when it was purged; debtors' links that open nothing any more go too. Runs in batches, each in a transaction of its own, on every node: two nodes
 * purging at once delete the same rows once (the second finds them gone).
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    /** A debt is closed when nothing more will happen to it: paid, cancelled or written off. */
    static final List<String> CLOSED = Stream.of(ReceivableStatus.values()).filter(ReceivableStatus::closed).map(Enum::name).toList();
    private static final String CLOSED_LITERALS = String.join(", ", CLOSED.stream().map(status -> "'" + status + "'").toList());

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionService(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a purge did. */
    public record Purge(OffsetDateTime closedBefore, int receivables, int contacts, int decisions, int events, int webhookEvents,
                        int portalLinks, int receipts) {
    }

    @Scheduled(cron = "${regua.retention.purge:0 30 3 * * *}", zone = "${regua.time-zone:America/Sao_Paulo}")
    void onSchedule() {
        Purge done = purge();
        if (done.receivables() > 0) {
            log.info("Retention: purged {} debt(s) closed before {}: {} message(s), {} decision record(s), {} timeline entr(ies), "
                            + "{} event(s) to backends, {} dispute receipt(s)", done.receivables(), done.closedBefore(), done.contacts(),
                    done.decisions(), done.events(), done.webhookEvents(), done.receipts());
        }
        if (done.portalLinks() > 0) {
            log.info("Retention: removed {} debtor link(s) that open nothing any more", done.portalLinks());
        }
    }

    /** Purges every debt closed before now less the retention period, batch by batch. */
    public Purge purge() {
        OffsetDateTime cutoff = ZonedDateTime.now(clock).minus(properties.closedCases()).toOffsetDateTime();
        // a debtor's link that expired or was revoked opens nothing: its row is kept no longer (the
        // debtor's acts stay in the timeline and the audit log)
        OffsetDateTime now = OffsetDateTime.now(clock);
        int links = transactions.execute(status -> jdbc.sql("delete from portal_link where expires_at < :now or revoked_at < :now")
                .param("now", now).update());
        // a debt closed by a node of a release before closed_at (an upgrade one node at a time) closed at its last update
        int unstamped = transactions.execute(status -> jdbc.sql("update receivable set closed_at = updated_at where closed_at is null "
                + "and status in (" + CLOSED_LITERALS + ")").update());
        if (unstamped > 0) {
            log.info("Retention: {} closed debt(s) had no closing moment; their last update stands for it", unstamped);
        }
        Purge total = new Purge(cutoff, 0, 0, 0, 0, 0, links, 0);
        while (true) {
            Purge batch = transactions.execute(status -> purgeBatch(cutoff));
            total = new Purge(cutoff, total.receivables() + batch.receivables(), total.contacts() + batch.contacts(),
                    total.decisions() + batch.decisions(), total.events() + batch.events(), total.webhookEvents() + batch.webhookEvents(),
                    links, total.receipts() + batch.receipts());
            if (batch.receivables() < properties.batchSize()) {
                return total;
            }
        }
    }

    private Purge purgeBatch(OffsetDateTime cutoff) {
        // the statuses are written out, not bound: on PostgreSQL the query is then known to ask for what the
        // index of debts to purge holds (a partial index, V32), and walks only those, oldest first
        List<Long> ids = jdbc.sql("select id from receivable where status in (" + CLOSED_LITERALS + ") and closed_at < :cutoff "
                        + "and purged_at is null order by closed_at, id fetch first :batch rows only")
                .param("cutoff", cutoff).param("batch", properties.batchSize())
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return new Purge(cutoff, 0, 0, 0, 0, 0, 0, 0);
        }
        List<String> externalIds = jdbc.sql("select external_id from receivable where id in (:ids)").param("ids", ids)
                .query(String.class).list();
        int contacts = jdbc.sql("delete from contact where receivable_id in (:ids)").param("ids", ids).update();
        int decisions = jdbc.sql("delete from decision_record where receivable_id in (:ids)").param("ids", ids).update();
        int events = jdbc.sql("delete from case_event where receivable_id in (:ids)").param("ids", ids).update();
        // the receipts debtors attached to their disputes: a copy of their bank's records, personal data like the messages
        int receipts = jdbc.sql("delete from dispute_receipt where dispute_id in (select id from dispute where receivable_id in (:ids))")
                .param("ids", ids).update();
        // what collectors heard on the phone is said about the debt too
        jdbc.sql("delete from call_outcome where receivable_id in (:ids)").param("ids", ids).update();
        // a delivery's attempts go with it (on delete cascade)
        jdbc.sql("delete from webhook_delivery where receivable in (:ids)").param("ids", externalIds).update();
        int webhookEvents = jdbc.sql("delete from webhook_event where receivable in (:ids)").param("ids", externalIds).update();
        jdbc.sql("update receivable set purged_at = :now where id in (:ids)")
                .param("now", OffsetDateTime.now(clock)).param("ids", ids).update();
        return new Purge(cutoff, ids.size(), contacts, decisions, events, webhookEvents, 0, receipts);
    }
}
