package br.com.regua.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files: CSV as a spreadsheet saves it, separated by {@code ;} (the Brazilian
 * default) or {@code ,}, one header line, one scenario per line, blank lines and lines starting
 * with {@code #} ignored. Column names are matched ignoring case, spaces and punctuation, so
 * "Expected grace days" and {@code expectedGraceDays} are the same column.
 */
public final class ScenarioFiles {

    /** Scenarios are dated from this due date unless a {@code due date} column says otherwise: a Monday. */
    static final LocalDate DEFAULT_DUE_DATE = LocalDate.of(2026, 3, 16);

    private static final Set<String> GIVEN = Set.of("scenario", "customertype", "state", "amount", "balance", "daysoverdue",
            "duedate", "paidontime", "paidlate", "averagedayslate", "agreementskept", "agreementsbroken", "currentstage",
            "reached", "bureaunoticeday", "hasemail", "hasphone", "pauseddays", "issueddaysbeforedue", "dayssinceagreementbroken", "optedout",
            "promiseskept", "promisesbroken", "nonpaymentreason",
            "preferredchannel", "preferredtime", "lastcalloutcome");

    static final Set<String> EXPECTED = Set.of("expectedsegment", "expectedgracedays", "expecteddiscount",
            "expectedwaivecharges", "expectedmaxinstallments", "expectedmininstallment", "expectedoffervaliddays",
            "expectednextstage", "expectednextstageday", "expectedplanincludes", "expectedplanexcludes", "expectedchannels",
            "expectedpriority", "expectedfinerate", "expectedinterestrate", "expectedcontactwindows", "expectednocontacton",
            "expectedrenegotiationallowed", "expectedrulesfired", "expectedagingbucket", "expectedmindownpayment",
            "expectedinstallmentinterest", "expectedinterestfreeinstallments", "expectedfirstinstallmentdays",
            "expectedmonthsbetweeninstallments", "expectedinstallmentreminderdays", "expectedinstallmentgracedays",
            "expectedresumestage", "expectedcontactsperweek", "expectednoticesrequired", "expectedfallbacks", "expectedmaxpromises",
            "expectedpromisedaysahead", "expectedpromisetolerancedays", "expectedpromisetoleranceamount", "expectednoticechannels",
            "expectedcallgroups", "expectedextensionallowed", "expectedextensiondays", "expectedextensionmaxtimes",
            "expectedpunctualitydiscount", "expectedagency", "expectedagencies", "expectedagencycommission");

    private ScenarioFiles() {
    }

    /** Every scenario of every scenario file in a policy's files. */
    public static List<Scenario> of(Map<String, String> files) {
        List<Scenario> scenarios = new ArrayList<>();
        List<PolicyError> errors = new ArrayList<>();
        files.forEach((name, content) -> {
            if (CompiledPolicy.isScenarioFile(name)) {
                try {
                    scenarios.addAll(parse(name, content));
                } catch (PolicyCompilationException e) {
                    errors.addAll(e.errors());
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new PolicyCompilationException(errors);
        }
        return scenarios;
    }

    static List<Scenario> parse(String file, String content) {
        String[] lines = content.split("\\r?\\n", -1);
        List<Scenario> scenarios = new ArrayList<>();
        List<PolicyError> errors = new ArrayList<>();
        String[] header = null;
        char separator = ';';
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (header == null) {
                separator = line.indexOf(';') >= 0 ? ';' : ',';
                header = split(line, separator).stream().map(ScenarioFiles::normalise).toArray(String[]::new);
                for (String column : header) {
                    if (!column.isEmpty() && !GIVEN.contains(column) && !EXPECTED.contains(column)) {
                        errors.add(new PolicyError(file, i + 1, 0, "unknown column '" + column + "'"));
                    }
                }
                for (String required : List.of("scenario", "amount", "daysoverdue")) {
                    if (!List.of(header).contains(required)) {
                        errors.add(new PolicyError(file, i + 1, 0, "missing column '" + required + "'"));
                    }
                }
                if (!errors.isEmpty()) {
                    break;
                }
                continue;
            }
            List<String> cells = split(line, separator);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < cells.size(); c++) {
                if (!cells.get(c).isBlank() && !header[c].isEmpty()) {
                    row.put(header[c], cells.get(c).strip());
                }
            }
            try {
                scenarios.add(scenario(file, i + 1, row));
            } catch (IllegalArgumentException e) {
                errors.add(new PolicyError(file, i + 1, 0, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyCompilationException(errors);
        }
        return scenarios;
    }

    private static Scenario scenario(String file, int line, Map<String, String> row) {
        String name = row.get("scenario");
        if (name == null) {
            throw new IllegalArgumentException("the scenario has no name");
        }
        LocalDate due = row.containsKey("duedate") ? LocalDate.parse(row.get("duedate")) : DEFAULT_DUE_DATE;
        int paused = integer(row, "pauseddays", 0);
        LocalDate today = due.plusDays(integer(row, "daysoverdue", 0) + (long) paused);
        CaseFacts.Builder facts = CaseFacts.builder()
                .receivableId(name)
                .customerType(CustomerType.valueOf(upper(row.getOrDefault("customertype", "CONSUMER"), "customer type")))
                .state(row.get("state"))
                .principal(money(row.get("amount"), "amount"))
                .balance(row.containsKey("balance") ? money(row.get("balance"), "balance") : null)
                .issueDate(due.minusDays(integer(row, "issueddaysbeforedue", 30)))
                .dueDate(due)
                .pausedDays(paused)
                .today(today)
                .currentStage(upper(row.getOrDefault("currentstage", StageKeys.REGISTERED), "current stage"))
                .reachedDays(reached(row))
                .hasEmail(yes(row.getOrDefault("hasemail", "yes")))
                .hasPhone(yes(row.getOrDefault("hasphone", "yes")))
                .optedOut(channels(row.getOrDefault("optedout", "")))
                .nonPaymentReason(row.containsKey("nonpaymentreason") ? upper(row.get("nonpaymentreason"), "non-payment reason") : null)
                .preferredChannel(preferredChannel(row.getOrDefault("preferredchannel", "")))
                .preferredTime(row.containsKey("preferredtime") && !row.get("preferredtime").isBlank()
                        ? upper(row.get("preferredtime"), "preferred time") : null)
                .lastCallOutcome(row.containsKey("lastcalloutcome") ? upper(row.get("lastcalloutcome"), "last call outcome") : null)
                .history(new PaymentHistory(integer(row, "paidontime", 0), integer(row, "paidlate", 0),
                        integer(row, "averagedayslate", 0), integer(row, "agreementskept", 0), integer(row, "agreementsbroken", 0),
                        row.containsKey("dayssinceagreementbroken")
                                ? today.minusDays(integer(row, "dayssinceagreementbroken", 0)) : null,
                        integer(row, "promiseskept", 0), integer(row, "promisesbroken", 0)));
        Map<String, String> expectations = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (EXPECTED.contains(column)) {
                expectations.put(column, value);
            }
        });
        if (expectations.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' expects nothing: fill in at least one expected column");
        }
        return new Scenario(file, line, name, facts.build(), expectations);
    }

    /** "SMS WHATSAPP" (or separated by commas) as channels. */
    /** One channel, or null for an empty cell or "none". */
    private static Channel preferredChannel(String text) {
        Set<Channel> one = text.strip().equalsIgnoreCase("none") ? Set.of() : channels(text);
        if (one.size() > 1) {
            throw new IllegalArgumentException("a debtor prefers one channel, not '" + text.strip() + "'");
        }
        return one.isEmpty() ? null : one.iterator().next();
    }

    private static Set<Channel> channels(String text) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String word : text.strip().split("[\\s,]+")) {
            if (!word.isEmpty()) {
                try {
                    channels.add(Channel.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a channel: '" + word + "' (EMAIL, SMS, WHATSAPP, LETTER)");
                }
            }
        }
        return channels;
    }

    static String normalise(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A decimal as a spreadsheet writes it: {@code 1500.00}, {@code 1500,00} or {@code 1.500,00}. */
    static BigDecimal decimal(String text, String what) {
        String t = text.strip().replace("R$", "").replace(" ", "");
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: '" + text + "'");
        }
    }

    private static BigDecimal money(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        BigDecimal amount = decimal(text, what);
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException(what + " must be positive with at most 2 decimals: '" + text + "'");
        }
        return amount;
    }

    private static int integer(Map<String, String> row, String column, int otherwise) {
        String text = row.get(column);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a whole number: '" + text + "'");
        }
    }

    /**
     * The stages the case already reached: {@code reached} lists them as {@code FORMAL_NOTICE@30
     * BUREAU_PRIOR_NOTICE@35}; {@code bureau notice day}, the column of scenario files written before
     * stages were keys, gives the credit bureau prior notice's day alone.
     */
    private static Map<String, Integer> reached(Map<String, String> row) {
        Map<String, Integer> days = new LinkedHashMap<>();
        if (row.containsKey("bureaunoticeday")) {
            days.put(StageKeys.LEGACY_BUREAU_PRIOR_NOTICE, integer(row, "bureaunoticeday", 0));
        }
        for (String entry : row.getOrDefault("reached", "").strip().split("[\\s|]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int at = entry.indexOf('@');
            if (at <= 0) {
                throw new IllegalArgumentException("reached lists stages as STAGE@day, not '" + entry + "'");
            }
            days.put(upper(entry.substring(0, at), "reached stage"), integer(Map.of("reached", entry.substring(at + 1)), "reached", 0));
        }
        return days;
    }

    private static String upper(String text, String what) {
        String value = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    static boolean yes(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "sim", "s", "1", "x" -> true;
            case "no", "n", "false", "não", "nao", "0", "-" -> false;
            default -> throw new IllegalArgumentException("expected yes or no, not '" + text + "'");
        };
    }

    /** Splits one CSV line; a cell may be quoted to hold the separator ({@code "a;b"}, {@code ""} for a quote). */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
