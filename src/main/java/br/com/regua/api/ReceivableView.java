package br.com.regua.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import br.com.regua.receivable.Charges;
import br.com.regua.receivable.PostalAddress;

/** A receivable as the API shows it: where its case stands, what is owed today and what happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivableView(
        String externalId,
        String status,
        String stage,
        String stageName,
        String segment,
        String caseId,
        CustomerRef customer,
        BigDecimal amount,
        LocalDate issueDate,
        LocalDate dueDate,
        String description,
        NextStep nextStep,
        Charges charges,
        List<TimelineEntry> timeline) {

    /**
     * The debtor; {@code preferredChannel} and {@code preferredTime} are the contact preferences they
     * (on their page) or the backend set, null when none; {@code address} the postal address letters go to, null when none.
     */
    public record CustomerRef(String externalId, String name, String type, String preferredChannel, String preferredTime,
                              PostalAddress address) {

        public CustomerRef(String externalId, String name, String type) {
            this(externalId, name, type, null, null, null);
        }

        public CustomerRef(String externalId, String name, String type, String preferredChannel, String preferredTime) {
            this(externalId, name, type, preferredChannel, preferredTime, null);
        }
    }

    public record NextStep(String stage, String stageName, OffsetDateTime at) {
    }

    /** One thing that happened to the case; {@code type} says which fields are set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(
            OffsetDateTime at,
            String type,
            String stage,
            String detail,
            String kind,
            String policyVersion,
            List<String> rulesFired,
            Object outputs,
            String channel,
            String status,
            String subject,
            String text,
            String externalId,
            BigDecimal amount,
            String method,
            String by,
            String reason,
            Long contactId) {

        static TimelineEntry stage(OffsetDateTime at, String stage, String detail) {
            return new TimelineEntry(at, "STAGE", stage, detail, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        /** Something happened to the case's agreement, the case being at {@code stage}. */
        static TimelineEntry agreement(OffsetDateTime at, String stage, String detail) {
            return new TimelineEntry(at, "AGREEMENT", stage, detail, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        /** What the debtor did on their page (the debtor portal). */
        static TimelineEntry debtor(OffsetDateTime at, String stage, String detail) {
            return new TimelineEntry(at, "DEBTOR", stage, detail, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        /** A promise to pay was made, kept, broken or closed, the case being at {@code stage}. */
        static TimelineEntry promise(OffsetDateTime at, String stage, String detail) {
            return new TimelineEntry(at, "PROMISE", stage, detail, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        static TimelineEntry bureau(OffsetDateTime at, String stage, String detail) {
            return new TimelineEntry(at, "BUREAU", stage, detail, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        static TimelineEntry agency(OffsetDateTime at, String stage, String detail) {
            return new TimelineEntry(at, "AGENCY", stage, detail, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        static TimelineEntry decision(OffsetDateTime at, String kind, String version, List<String> rules, Object outputs) {
            return new TimelineEntry(at, "DECISION", null, null, kind, version, rules, outputs, null, null, null, null, null, null, null,
                    null, null, null);
        }

        /**
         * {@code kind}: what the message is for (SCHEDULE, INSTALLMENT_REMINDER, THANK_YOU...); {@code stage} is a schedule
         * message's; {@code detail}: why a contact waits (DEFERRED) or failed, or the last failed try of one still QUEUED.
         */
        /** A message to the debtor; {@code contactId} is the id a provider's delivery report names ({@code /api/contacts/{id}/status}). */
        static TimelineEntry contact(long contactId, OffsetDateTime at, String kind, String stage, String channel, String status,
                                     String subject, String text, String detail) {
            return new TimelineEntry(at, "CONTACT", stage, detail, kind, null, null, null, channel, status, subject, text, null, null,
                    null, null, null, contactId);
        }

        /**
         * The case was deleted in the process engine from outside Régua (Cockpit, {@code /engine-rest}):
         * {@code stage} is where it stood, {@code by} the engine user who deleted it ("engine" when
         * none was logged in), {@code reason} the reason they gave.
         */
        /** A collector, {@code by}, recorded how a call ended, the case being at {@code stage}. */
        static TimelineEntry call(OffsetDateTime at, String stage, String detail, String by) {
            return new TimelineEntry(at, "CALL", stage, detail, null, null, null, null, null, null, null, null, null, null,
                    null, by, null, null);
        }

        static TimelineEntry deletedInEngine(OffsetDateTime at, String stage, String detail, String by, String reason) {
            return new TimelineEntry(at, "DELETED_IN_ENGINE", stage, detail, null, null, null, null, null, null, null, null, null, null,
                    null, by, reason, null);
        }

        static TimelineEntry payment(OffsetDateTime at, String externalId, BigDecimal amount, String method) {
            return new TimelineEntry(at, "PAYMENT", null, null, null, null, null, null, null, null, null, null, externalId, amount, method,
                    null, null, null);
        }
    }
}
