package br.com.regua.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the policy decided for one snapshot of facts: every output the rules produced, the names
 * of the rules that fired and the policy version (content hash and stored number) that took it.
 */
public record PolicyDecision(
        Segment segment,
        int graceDays,
        List<PlannedStep> plan,
        ChargeRates chargeRates,
        List<ContactWindow> contactWindows,
        List<Channel> channels,
        OfferTerms offerTerms,
        int priority,
        List<String> rulesFired,
        String policyVersion,
        int policyNumber,
        Integer maxContactsPerWeek,
        List<FallbackChannel> fallbacks,
        List<RequiredNotice> requiredNotices,
        PromiseTerms promiseTerms,
        Integer portalLinkDays,
        List<Channel> noticeChannels,
        List<String> callGroups,
        ExtensionTerms extensionTerms,
        PunctualityDiscount punctualityDiscount) {

    /** A decision that allows no extension of the due date and grants no punctuality discount (a policy from before them). */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber, Integer maxContactsPerWeek,
                          List<FallbackChannel> fallbacks, List<RequiredNotice> requiredNotices, PromiseTerms promiseTerms,
                          Integer portalLinkDays, List<Channel> noticeChannels, List<String> callGroups) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, maxContactsPerWeek, fallbacks, requiredNotices, promiseTerms, portalLinkDays, noticeChannels, callGroups,
                new ExtensionTerms(), new PunctualityDiscount());
    }

    /** A decision that names no collector group for calls (the role's own group takes them). */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber, Integer maxContactsPerWeek,
                          List<FallbackChannel> fallbacks, List<RequiredNotice> requiredNotices, PromiseTerms promiseTerms,
                          Integer portalLinkDays, List<Channel> noticeChannels) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, maxContactsPerWeek, fallbacks, requiredNotices, promiseTerms, portalLinkDays, noticeChannels, List.of());
    }

    /** A decision from a policy that names no channel of its own for the notices the law requires. */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber, Integer maxContactsPerWeek,
                          List<FallbackChannel> fallbacks, List<RequiredNotice> requiredNotices, PromiseTerms promiseTerms,
                          Integer portalLinkDays) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, maxContactsPerWeek, fallbacks, requiredNotices, promiseTerms, portalLinkDays, List.of());
    }

    /**
     * Whether {@code stage} is a notice the law requires before a planned step (e.g. the credit
     * bureau's prior notice): its message goes by the notices' channels ({@link #channelsFor}).
     */
    public boolean isRequiredNotice(String stage) {
        return requiredNotices.stream().anyMatch(n -> n.getNotice().equals(stage));
    }

    /**
     * The channels a message of {@code stage} goes by: a notice the law requires goes by the
     * channels the rules named for notices (whatever the debtor prefers or refused for reminders),
     * any other message by the reminders' channels. A policy that names no notice channels (one
     * stored before they existed) sends notices as it sent everything.
     */
    public List<Channel> channelsFor(String stage) {
        return isRequiredNotice(stage) && !noticeChannels.isEmpty() ? noticeChannels : channels;
    }

    /** A decision that sets no lifetime for the portal link (the portal's default applies). */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber, Integer maxContactsPerWeek,
                          List<FallbackChannel> fallbacks, List<RequiredNotice> requiredNotices, PromiseTerms promiseTerms) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, maxContactsPerWeek, fallbacks, requiredNotices, promiseTerms, null);
    }

    /** A decision that allows no promise to pay (a policy from before promises). */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber, Integer maxContactsPerWeek,
                          List<FallbackChannel> fallbacks, List<RequiredNotice> requiredNotices) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, maxContactsPerWeek, fallbacks, requiredNotices, new PromiseTerms());
    }

    /** A decision that requires no notice before any stage. */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber, Integer maxContactsPerWeek,
                          List<FallbackChannel> fallbacks) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, maxContactsPerWeek, fallbacks, List.of());
    }

    /** The notices {@code stage} needs first, with their waiting periods. */
    public List<RequiredNotice> noticesRequiredBy(String stage) {
        return requiredNotices.stream().filter(n -> n.getStage().equals(stage)).toList();
    }

    /** A decision with no weekly contact limit and no fallback channel. */
    public PolicyDecision(Segment segment, int graceDays, List<PlannedStep> plan, ChargeRates chargeRates,
                          List<ContactWindow> contactWindows, List<Channel> channels, OfferTerms offerTerms, int priority,
                          List<String> rulesFired, String policyVersion, int policyNumber) {
        this(segment, graceDays, plan, chargeRates, contactWindows, channels, offerTerms, priority, rulesFired, policyVersion,
                policyNumber, null, List.of());
    }

    /** The channel to try when {@code failed} could not deliver, if the policy names one. */
    public Optional<Channel> fallbackFor(Channel failed) {
        return fallbacks.stream().filter(f -> f.getFailed() == failed).map(FallbackChannel::getInstead).findFirst();
    }

    /** The day of the first planned step of {@code stage}, if the plan has one. */
    public Optional<Integer> dayOf(String stage) {
        return plan.stream().filter(s -> s.getStage().equals(stage)).map(PlannedStep::getDay).findFirst();
    }
}
