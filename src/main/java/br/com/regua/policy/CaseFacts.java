package br.com.regua.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fixed snapshot of everything the rules may look at for one collection case, taken at
 * {@code today}. Rules never call {@code now()}: time is this fact.
 */
public final class CaseFacts {

    private final String receivableId;
    private final CustomerType customerType;
    private final String state;
    private final BigDecimal principal;
    private final BigDecimal balance;
    private final LocalDate issueDate;
    private final LocalDate dueDate;
    private final LocalDate today;
    private final int pausedDays;
    private final String currentStage;
    private final Map<String, Integer> reachedDays;
    private final boolean hasEmail;
    private final boolean hasPhone;
    private final PaymentHistory history;
    private final Set<Channel> optedOut;
    private final String nonPaymentReason;
    private final Integer policyVersion;
    private final Channel preferredChannel;
    private final String preferredTime;
    private final String lastCallOutcome;

    private CaseFacts(Builder b) {
        this.receivableId = b.receivableId;
        this.customerType = b.customerType;
        this.state = b.state;
        this.principal = b.principal;
        this.balance = b.balance == null ? b.principal : b.balance;
        this.issueDate = b.issueDate;
        this.dueDate = b.dueDate;
        this.today = b.today;
        this.pausedDays = b.pausedDays;
        this.currentStage = b.currentStage;
        this.reachedDays = Map.copyOf(b.reachedDays);
        this.hasEmail = b.hasEmail;
        this.hasPhone = b.hasPhone;
        this.history = b.history == null ? PaymentHistory.none() : b.history;
        this.optedOut = b.optedOut.isEmpty() ? Set.of() : Set.copyOf(b.optedOut);
        this.nonPaymentReason = b.nonPaymentReason;
        this.policyVersion = b.policyVersion;
        this.preferredChannel = b.preferredChannel;
        this.preferredTime = b.preferredTime;
        this.lastCallOutcome = b.lastCallOutcome;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.receivableId = receivableId;
        b.customerType = customerType;
        b.state = state;
        b.principal = principal;
        b.balance = balance;
        b.issueDate = issueDate;
        b.dueDate = dueDate;
        b.today = today;
        b.pausedDays = pausedDays;
        b.currentStage = currentStage;
        b.reachedDays = new LinkedHashMap<>(reachedDays);
        b.hasEmail = hasEmail;
        b.hasPhone = hasPhone;
        b.history = history;
        b.optedOut = optedOut.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(optedOut);
        b.nonPaymentReason = nonPaymentReason;
        b.policyVersion = policyVersion;
        b.preferredChannel = preferredChannel;
        b.preferredTime = preferredTime;
        b.lastCallOutcome = lastCallOutcome;
        return b;
    }

    public String getReceivableId() { return receivableId; }
    public CustomerType getCustomerType() { return customerType; }
    /** The debtor's UF (e.g. "SP"), or null when unknown. */
    public String getState() { return state; }
    public BigDecimal getPrincipal() { return principal; }
    /** Principal still owed after partial payments. */
    public BigDecimal getBalance() { return balance; }
    public LocalDate getIssueDate() { return issueDate; }
    public LocalDate getDueDate() { return dueDate; }
    public LocalDate getToday() { return today; }
    /** Days the case spent paused (disputes); they do not count against the debtor. */
    public int getPausedDays() { return pausedDays; }
    /** Days past the due date, less paused days; negative before the due date. */
    public int getDaysOverdue() {
        return (int) ChronoUnit.DAYS.between(dueDate, today) - pausedDays;
    }
    /** The key of the last stage the case went through ({@code REGISTERED} before the first). */
    public String getCurrentStage() { return currentStage; }
    /**
     * For rules: the day (after the due date, less paused days) the case first reached the stage
     * {@code stageKey}, e.g. {@code CaseFacts( $sent : dayReached("BUREAU_PRIOR_NOTICE") != null )}; null
     * when it has not.
     */
    public Integer dayReached(String stageKey) { return reachedDays.get(stageKey); }
    /** Every stage the case reached, with the day it first did. */
    public Map<String, Integer> getReachedDays() { return reachedDays; }
    /**
     * Day the credit bureau prior notice went out, or null.
     *
     * @deprecated rules read {@link #dayReached(String)}; kept because policy versions stored before
     *             stages were keys read this, and a stored version must compile and decide as it did
     */
    @Deprecated
    public Integer getBureauPriorNoticeDay() { return reachedDays.get(StageKeys.LEGACY_BUREAU_PRIOR_NOTICE); }
    public boolean isHasEmail() { return hasEmail; }
    public boolean isHasPhone() { return hasPhone; }
    public PaymentHistory getHistory() { return history; }
    /** Days since the customer last broke an agreement, or null when they never did. */
    public Integer getDaysSinceAgreementBroken() {
        LocalDate broken = history.getLastAgreementBrokenOn();
        return broken == null ? null : (int) ChronoUnit.DAYS.between(broken, today);
    }
    /** Channels the debtor asked not to be contacted through. */
    public Set<Channel> getOptedOut() { return optedOut; }
    /**
     * Why the debtor said they could not pay, on their page: {@code LOST_INCOME}, {@code FORGOT},
     * {@code NO_INVOICE}, {@code UNHAPPY}, {@code DISAGREES}, {@code OTHER}; null when they have not said.
     */
    public String getNonPaymentReason() { return nonPaymentReason; }
    /**
     * The policy version this case is decided by for all its life, when a champion/challenger
     * experiment drew it; null: the active version. The engine reads it, not the rules.
     */
    public Integer getPolicyVersion() { return policyVersion; }
    /** The channel the debtor said they prefer (EMAIL, SMS or WHATSAPP), or null. */
    public Channel getPreferredChannel() { return preferredChannel; }
    /** The period of the day the debtor prefers (a key of "Preferred times of day", e.g. MORNING), or null. */
    public String getPreferredTime() { return preferredTime; }
    /**
     * For rules: whether we have what {@code channel} needs (an e-mail address, a phone; a letter
     * always), e.g. {@code CaseFacts( $p : preferredChannel != null, reaches($p) )}.
     */
    public boolean reaches(Channel channel) {
        return switch (channel) {
            case EMAIL -> hasEmail;
            case SMS, WHATSAPP -> hasPhone;
            case LETTER -> true;
        };
    }
    /**
     * How the collector's last call on this receivable ended: {@code RIGHT_PARTY_CONTACT}, {@code NO_ANSWER},
     * {@code WRONG_NUMBER}, {@code THIRD_PARTY}, {@code PROMISE_TO_PAY}, {@code REFUSED}, {@code ASKED_FOR_AGREEMENT},
     * {@code DISPUTES_DEBT}, {@code CALL_BACK}; null when no call was recorded.
     */
    public String getLastCallOutcome() { return lastCallOutcome; }
    /** For rules: {@code CaseFacts( !optedOutOf(Channel.SMS) )}. */
    public boolean optedOutOf(Channel channel) { return optedOut.contains(channel); }

    public static final class Builder {
        private String receivableId;
        private CustomerType customerType = CustomerType.CONSUMER;
        private String state;
        private BigDecimal principal;
        private BigDecimal balance;
        private LocalDate issueDate;
        private LocalDate dueDate;
        private LocalDate today;
        private int pausedDays;
        private String currentStage = StageKeys.REGISTERED;
        private Map<String, Integer> reachedDays = new LinkedHashMap<>();
        private boolean hasEmail;
        private boolean hasPhone;
        private PaymentHistory history;
        private Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
        private String nonPaymentReason;
        private Integer policyVersion;
        private Channel preferredChannel;
        private String preferredTime;
        private String lastCallOutcome;

        public Builder receivableId(String v) { receivableId = v; return this; }
        public Builder customerType(CustomerType v) { customerType = v; return this; }
        public Builder state(String v) { state = v; return this; }
        public Builder principal(BigDecimal v) { principal = v; return this; }
        public Builder balance(BigDecimal v) { balance = v; return this; }
        public Builder issueDate(LocalDate v) { issueDate = v; return this; }
        public Builder dueDate(LocalDate v) { dueDate = v; return this; }
        public Builder today(LocalDate v) { today = v; return this; }
        public Builder pausedDays(int v) { pausedDays = v; return this; }
        public Builder currentStage(String v) { currentStage = v; return this; }
        public Builder reachedDays(Map<String, Integer> v) { reachedDays = new LinkedHashMap<>(v); return this; }
        public Builder reached(String stageKey, int day) { reachedDays.put(stageKey, day); return this; }
        public Builder hasEmail(boolean v) { hasEmail = v; return this; }
        public Builder hasPhone(boolean v) { hasPhone = v; return this; }
        public Builder history(PaymentHistory v) { history = v; return this; }
        public Builder optedOut(Set<Channel> v) {
            optedOut = v == null || v.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(v);
            return this;
        }

        public Builder nonPaymentReason(String v) { nonPaymentReason = v == null || v.isBlank() ? null : v; return this; }
        public Builder policyVersion(Integer v) { policyVersion = v; return this; }

        public Builder preferredChannel(Channel v) { preferredChannel = v; return this; }
        public Builder preferredTime(String v) { preferredTime = v == null || v.isBlank() ? null : v; return this; }

        public Builder lastCallOutcome(String v) { lastCallOutcome = v == null || v.isBlank() ? null : v; return this; }

        public CaseFacts build() {
            if (principal == null || dueDate == null || today == null) {
                throw new IllegalStateException("principal, dueDate and today are required facts");
            }
            if (issueDate == null) {
                issueDate = dueDate;
            }
            return new CaseFacts(this);
        }
    }
}
