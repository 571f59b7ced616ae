package br.com.regua.policy;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of each value a decision table's code template hands to a fact: by the enum it names
 * ({@code Segment.$param}) or, for numbers and text, by the fact's property in one registry here.
 * One place, not annotations spread over the facts, so that a test can prove every column of every
 * table in the policy has a type (a renamed setter shows up there as an unknown column).
 */
final class ColumnTypes {

    /** Fact property (Class.property, or Class.new for the one-value constructor) to its type. */
    private static final Map<String, ColumnType> PROPERTIES = Map.ofEntries(
            // conditions on the case's facts
            Map.entry("CaseFacts.balance", ColumnType.MONEY),
            Map.entry("CaseFacts.daysOverdue", ColumnType.DAYS),
            Map.entry("CaseFacts.state", ColumnType.STATE),
            Map.entry("CaseFacts.lastCallOutcome", ColumnType.TEXT),
            Map.entry("CaseFacts.history.empty", ColumnType.YES_NO),
            Map.entry("CaseFacts.history.agreementsBroken", ColumnType.COUNT),
            Map.entry("CaseFacts.history.promisesBroken", ColumnType.COUNT),
            Map.entry("CaseFacts.history.averageDaysLate", ColumnType.DAYS),
            Map.entry("CaseFacts.history.paidCount", ColumnType.COUNT),
            Map.entry("PlannedStep.stage", ColumnType.STAGE),
            Map.entry("PlannedStep.day", ColumnType.DAYS),
            Map.entry("ReportRequest.report", ColumnType.TEXT),
            // what the tables decide
            Map.entry("AgingBucket.new", ColumnType.TEXT),
            Map.entry("AgingBucket.fromDay", ColumnType.DAY_OFFSET),
            Map.entry("AgingBucket.toDay", ColumnType.DAY_OFFSET),
            Map.entry("OfferTerms.principalDiscount", ColumnType.PERCENTAGE),
            Map.entry("OfferTerms.waiveCharges", ColumnType.YES_NO),
            Map.entry("OfferTerms.validDays", ColumnType.DAYS),
            Map.entry("StageDay.new", ColumnType.STAGE),
            Map.entry("StageDay.day", ColumnType.DAY_OFFSET),
            Map.entry("StageBroughtForward.new", ColumnType.STAGE),
            Map.entry("StageBroughtForward.day", ColumnType.DAYS),
            Map.entry("StageAfterGrace.new", ColumnType.STAGE),
            Map.entry("StageAfterGrace.days", ColumnType.DAYS),
            Map.entry("GracePeriod.new", ColumnType.DAYS),
            Map.entry("InstallmentLimit.new", ColumnType.COUNT),
            Map.entry("InstallmentLimit.minDownPayment", ColumnType.PERCENTAGE),
            Map.entry("AgreementTerms.offerValidDays", ColumnType.DAYS),
            Map.entry("AgreementTerms.minInstallment", ColumnType.MONEY),
            Map.entry("AgreementTerms.firstInstallmentDays", ColumnType.DAYS),
            Map.entry("AgreementTerms.monthsBetweenInstallments", ColumnType.COUNT),
            Map.entry("AgreementTerms.interestFreeInstallments", ColumnType.COUNT),
            Map.entry("AgreementTerms.installmentMonthlyInterest", ColumnType.PERCENTAGE),
            Map.entry("AgreementTerms.reminderDaysBefore", ColumnType.DAYS),
            Map.entry("AgreementTerms.installmentGraceDays", ColumnType.DAYS),
            Map.entry("AgreementTerms.resumeStage", ColumnType.STAGE),
            Map.entry("AgreementTerms.brokenRecentlyDays", ColumnType.DAYS),
            Map.entry("PriorityPoints.new", ColumnType.POINTS),
            Map.entry("CallGroup.new", ColumnType.TEXT),
            Map.entry("PromiseTerms.maxPromises", ColumnType.COUNT),
            Map.entry("PromiseTerms.maxDaysAhead", ColumnType.DAYS),
            Map.entry("PromiseTerms.toleranceDays", ColumnType.DAYS),
            Map.entry("PromiseTerms.toleranceAmount", ColumnType.MONEY),
            Map.entry("ExtensionTerms.allowed", ColumnType.YES_NO),
            Map.entry("ExtensionTerms.days", ColumnType.DAYS),
            Map.entry("ExtensionTerms.maxTimes", ColumnType.COUNT),
            Map.entry("PunctualityDiscount.new", ColumnType.PERCENTAGE),
            Map.entry("AgencyShare.new", ColumnType.TEXT),
            Map.entry("AgencyShare.share", ColumnType.PERCENTAGE),
            Map.entry("AgencyCommission.new", ColumnType.PERCENTAGE),
            Map.entry("LateChargeRate.state", ColumnType.STATE),
            Map.entry("LateChargeRate.fineRate", ColumnType.PERCENTAGE),
            Map.entry("LateChargeRate.monthlyInterestRate", ColumnType.PERCENTAGE),
            Map.entry("LateFeeCap.state", ColumnType.STATE),
            Map.entry("LateFeeCap.highest", ColumnType.PERCENTAGE),
            Map.entry("InterestMonth.new", ColumnType.DAYS),
            Map.entry("ContactHours.state", ColumnType.STATE),
            Map.entry("ContactHours.from", ColumnType.TIME),
            Map.entry("ContactHours.to", ColumnType.TIME),
            Map.entry("ContactCap.new", ColumnType.COUNT),
            Map.entry("ContactCap.state", ColumnType.STATE),
            Map.entry("NoticePeriod.new", ColumnType.STAGE),
            Map.entry("NoticePeriod.stage", ColumnType.STAGE),
            Map.entry("NoticePeriod.state", ColumnType.STATE),
            Map.entry("NoticePeriod.days", ColumnType.DAYS),
            Map.entry("PortalLink.new", ColumnType.DAYS),
            Map.entry("PreferredTime.new", ColumnType.TEXT),
            Map.entry("PreferredTime.words", ColumnType.TEXT),
            Map.entry("PreferredTime.from", ColumnType.TIME),
            Map.entry("PreferredTime.to", ColumnType.TIME),
            Map.entry("LimitationPeriod.new", ColumnType.DAYS));

    private static final Map<String, ColumnType> ENUMS = Map.of(
            "Segment", ColumnType.SEGMENT, "CustomerType", ColumnType.CUSTOMER_TYPE,
            "DayOfWeek", ColumnType.DAY_OF_WEEK, "Channel", ColumnType.CHANNEL);

    private static final Pattern ENUM_PARAM = Pattern.compile("\\b(\\w+)\\.\\$param\\b");
    // the value's wrapping, which says nothing of its meaning: new BigDecimal("$param"), LocalTime.parse("$param"), "$param"
    private static final Pattern WRAPPED = Pattern.compile("new BigDecimal\\(\"\\$param\"\\)|LocalTime\\.parse\\(\"\\$param\"\\)|\"\\$param\"");
    private static final Pattern SETTER = Pattern.compile("\\b(\\w+)\\.set(\\w+)\\(\\$param\\)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("\\bnew (\\w+)\\(\\$param\\)");
    private static final Pattern CONDITION = Pattern.compile("^\\s*(?:this == \\$\\w+,\\s*)?([\\w.]+)\\s*(?:==|!=|>=|<=|>|<)\\s*\\$param\\s*$");

    private ColumnTypes() {
    }

    /**
     * The type of a condition's or an action's value; empty when this registry does not know it.
     *
     * @param objectType the condition's fact (e.g. {@code CaseFacts}, {@code $step : PlannedStep})
     * @param variables  the table's declared variables (e.g. {@code terms} → {@code OfferTerms})
     */
    static Optional<ColumnType> of(String kind, String objectType, String template, Map<String, String> variables) {
        if (!template.contains("$param")) {
            return "ACTION".equals(kind) && !template.isBlank() ? Optional.of(ColumnType.FLAG) : Optional.empty();
        }
        Matcher e = ENUM_PARAM.matcher(template);
        if (e.find() && ENUMS.containsKey(e.group(1))) {
            return Optional.of(ENUMS.get(e.group(1)));
        }
        String plain = WRAPPED.matcher(template).replaceAll("\\$param");
        if ("CONDITION".equals(kind)) {
            String fact = objectType.contains(":") ? objectType.substring(objectType.indexOf(':') + 1).trim() : objectType.trim();
            Matcher c = CONDITION.matcher(plain);
            return c.matches() ? Optional.ofNullable(PROPERTIES.get(fact + "." + c.group(1))) : Optional.empty();
        }
        Matcher s = SETTER.matcher(plain);
        if (s.find() && variables.containsKey(s.group(1))) {
            String property = Character.toLowerCase(s.group(2).charAt(0)) + s.group(2).substring(1);
            return Optional.ofNullable(PROPERTIES.get(variables.get(s.group(1)) + "." + property));
        }
        Matcher n = CONSTRUCTOR.matcher(plain);
        return n.find() ? Optional.ofNullable(PROPERTIES.get(n.group(1) + ".new")) : Optional.empty();
    }
}
