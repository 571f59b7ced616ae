package br.com.regua.integration.agency;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import br.com.regua.cases.CaseEvents;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.payment.AgencyPayments;
import br.com.regua.policy.AgencyTerms;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.Stage;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.schedule.CaseSnapshots;

/**
 * What the schedule's facts ask of the agencies, in the transaction that records them: the case
 * reached the collection agency stage, so a placement with the agency the policy names is requested
 * (the worker sends it); the debt was paid, disputed or settled by agreement, so its recall is
 * requested at once. It also tells a payment whether the agency it names may have collected it.
 */
@Service
class AgencyService implements AgencyPayments {

    private static final Logger log = LoggerFactory.getLogger(AgencyService.class);

    private final AgencyPlacements placements;
    private final AgencyProperties settings;
    private final ReceivableRepository receivables;
    private final CaseSnapshots snapshots;
    private final PolicyEngine policy;
    private final CaseEvents timeline;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    AgencyService(AgencyPlacements placements, AgencyProperties settings, ReceivableRepository receivables, CaseSnapshots snapshots,
                  PolicyEngine policy, CaseEvents timeline, ApplicationEventPublisher published, Clock clock) {
        this.placements = placements;
        this.settings = settings;
        this.receivables = receivables;
        this.snapshots = snapshots;
        this.policy = policy;
        this.timeline = timeline;
        this.published = published;
        this.clock = clock;
    }

    @EventListener
    void on(BusinessEvent event) {
        if (event.type() == EventType.STAGE_REACHED && Stage.COLLECTION_AGENCY.equals(event.data().get("stage"))) {
            agencyStageReached(event);
        } else if (event.type() == EventType.RECEIVABLE_PAID) {
            Object agency = event.data().get("agency");
            debtEnded(event, event.data().containsKey("agreement") ? "agreement kept" : "paid", agency == null ? null : agency.toString());
        } else if (event.type() == EventType.DISPUTE_OPENED) {
            debtEnded(event, "disputed", null);
        } else if (event.type() == EventType.AGREEMENT_CREATED) {
            debtEnded(event, "settled by agreement", null);
        }
    }

    private void agencyStageReached(BusinessEvent event) {
        Receivable r = receivables.findByExternalId(event.receivable()).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!settings.anyConfigured()) {
            timeline.agency(r.id(), Stage.COLLECTION_AGENCY, "no collection agency is configured: the debt was not placed", now);
            return;
        }
        Customer c = receivables.customer(r.customerId());
        AgencyTerms terms = policy.agencyTerms(snapshots.of(r, c, now.atZoneSameInstant(clock.getZone()).toLocalDate()));
        Optional<String> agency = terms.agencyFor(r.externalId());
        if (agency.isEmpty()) {
            timeline.agency(r.id(), Stage.COLLECTION_AGENCY, "the policy names no collection agency for this debt: it was not placed", now);
            return;
        }
        if (settings.agency(agency.get()).isEmpty()) {
            timeline.agency(r.id(), Stage.COLLECTION_AGENCY, "the policy names the collection agency " + agency.get()
                    + ", which is not configured (regua.agencies." + agency.get() + ".url): the debt was not placed", now);
            log.warn("The policy places {} with agency {}, which is not configured", LogText.of(r.externalId()), agency.get());
            return;
        }
        if (placements.request(r.id(), r.externalId(), agency.get(), now)) {
            timeline.agency(r.id(), Stage.COLLECTION_AGENCY, "placement with the collection agency " + agency.get()
                    + " requested (" + terms.sharesText() + ")", now);
        }
    }

    private void debtEnded(BusinessEvent event, String reason, String paidThrough) {
        Optional<Receivable> found = receivables.findByExternalId(event.receivable());
        if (found.isEmpty()) {
            return;
        }
        Receivable r = found.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<AgencyPlacements.Row> placement = placements.ofReceivable(r.id());
        boolean byItsAgency = paidThrough != null && placement.map(p -> p.agency().equals(paidThrough)).orElse(false);
        placements.ended(r.id(), reason, byItsAgency, now).ifPresent(status -> {
            String agency = placement.map(AgencyPlacements.Row::agency).orElse("?");
            switch (status) {
                case AgencyPlacements.PAID -> {
                    timeline.agency(r.id(), r.stage(), "paid through the collection agency " + agency + ": nothing to recall", now);
                    published.publishEvent(BusinessEvent.of(EventType.AGENCY_RECALLED, r.externalId(), now,
                            "agency", agency, "reason", reason, "status", AgencyPlacements.PAID));
                }
                case AgencyPlacements.RECALL_REQUESTED -> {
                    timeline.agency(r.id(), r.stage(), "recall from the collection agency " + agency + " requested (" + reason + ")", now);
                    log.info("Recall of {} from agency {} requested ({})", LogText.of(r.externalId()), agency, reason);
                }
                case AgencyPlacements.RECALLED -> timeline.agency(r.id(), r.stage(),
                        "placement with the collection agency " + agency + " not sent: " + reason + " first", now);
                default -> timeline.agency(r.id(), r.stage(), "the placement with the collection agency " + agency
                        + " is being sent: it is recalled as soon as the agency has it (" + reason + ")", now);
            }
        });
    }

    @Override
    public Optional<String> refusal(long receivableId, String agency) {
        if (!settings.agencies().containsKey(agency)) {
            return Optional.of("no collection agency is configured with this name");
        }
        Optional<AgencyPlacements.Row> placement = placements.ofReceivable(receivableId);
        if (placement.isEmpty() || !placement.get().agency().equals(agency)
                || !(placement.get().status().equals(AgencyPlacements.PLACED) || placement.get().status().equals(AgencyPlacements.RECALL_REQUESTED))) {
            return Optional.of("the receivable is not placed with the collection agency " + agency);
        }
        return Optional.empty();
    }
}
