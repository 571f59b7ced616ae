package br.com.regua.policy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a policy file may name. A policy file may decide, never act: a credit manager's password
 * must not become a shell on the server. Every rule file — a DRL file, or the DRL that Drools
 * makes of a decision table — is checked against this list before Drools compiles or runs any of
 * it ({@link PolicyFileCheck}); anything not on it is refused with its file and line.
 *
 * <p>A rule file may use:
 * <ul>
 * <li>Régua's facts and decisions, in package {@code br.com.regua.policy}: {@code CaseFacts},
 *     {@code PaymentHistory}, {@code CustomerType}, {@code Channel}, {@code Stage}, {@code Segment},
 *     {@code InSegment}, {@code GracePeriod}, {@code PlannedStep}, {@code ChargeRates},
 *     {@code ContactWindow}, {@code ContactLimit}, {@code ContactChannel}, {@code FallbackChannel}, {@code RequiredNotice},
 *     {@code PortalLink},
 *     {@code OfferTerms}, {@code PriorityScore}, {@code BrokeAgreementRecently}, {@code ReportRequest}, {@code CallGroup},
 *     {@code AgingBucket}, {@code PromiseTerms}, {@code ExtensionTerms}, {@code PunctualityDiscount}, {@code AgencyShare}, {@code AgencyCommission}; and the facts the decision
 *     tables' rows insert: {@code StageDay},
 *     {@code StageAfterGrace}, {@code StageBroughtForward}, {@code PriorityPoints}, {@code InstallmentLimit},
 *     {@code AgreementTerms}, {@code LateChargeRate}, {@code LateFeeCap}, {@code InterestMonth},
 *     {@code LimitationPeriod}, {@code StateRow}, {@code ContactHours}, {@code ContactCap}, {@code NoticePeriod};</li>
 * <li>dates and times ({@code java.time}: {@code LocalDate}, {@code LocalTime}, {@code DayOfWeek},
 *     {@code Month}, {@code Period}, {@code Duration}... and {@code ChronoUnit}), money
 *     ({@code java.math}: {@code BigDecimal}, {@code BigInteger}, {@code RoundingMode},
 *     {@code MathContext}), a few collections ({@code java.util}: {@code Collection}, {@code List},
 *     {@code Set}, {@code Map}, {@code ArrayList}, {@code HashSet}, {@code HashMap}), {@code String},
 *     {@code Math} and {@code Number} (what {@code accumulate} answers);</li>
 * <li>the public fields, methods and properties of those classes, except the few that lead out of
 *     a decision ({@link #EXCLUDED_MEMBERS}): {@code getClass}, {@code getDeclaringClass},
 *     {@code wait}/{@code notify}, {@code clone}, constant descriptors, streams, and {@code now}
 *     (today is a fact: {@code CaseFacts.today});</li>
 * <li>the names it declares itself, starting with a lower-case letter or {@code $}: bindings
 *     ({@code $t : OfferTerms()}), local variables, parameters, functions, globals;</li>
 * <li>DRL: {@code package br.com.regua.policy}; {@code import} of the classes above (or
 *     {@code java.time.*}, {@code java.math.*}); {@code global} and {@code function} (their types
 *     and bodies follow the same list); rule attributes {@code salience}, {@code no-loop},
 *     {@code lock-on-active}, {@code activation-group}, {@code agenda-group}, {@code ruleflow-group},
 *     {@code auto-focus}, {@code enabled}, {@code date-effective}, {@code date-expires},
 *     {@code dialect "java"}; {@code not}, {@code exists}, {@code forall}, {@code and}, {@code or},
 *     {@code from}, {@code collect}, {@code accumulate} with {@code sum}, {@code count}, {@code min},
 *     {@code max}, {@code average}, {@code collectList}, {@code collectSet}; the operators
 *     {@code contains}, {@code memberOf}, {@code matches}, {@code excludes}, {@code soundslike},
 *     {@code in}, {@code instanceof}; {@code insert}, {@code insertLogical}, {@code modify},
 *     {@code update}, {@code delete}, {@code retract}; and in Java code {@code new}, {@code if},
 *     {@code else}, {@code return}, {@code final}, {@code var} and the primitive types.</li>
 * </ul>
 *
 * <p>Everything else is refused, for instance: other imports, static imports, {@code import
 * function}, any other class by simple or full name ({@code System}, {@code Runtime},
 * {@code Thread}, {@code ProcessBuilder}, {@code Class}, {@code ClassLoader},
 * {@code java.nio.file.Files}, {@code java.net.URL}), reflection, Drools' own handles
 * ({@code drools}, {@code kcontext}), {@code dialect "mvel"}, {@code eval}, {@code accumulate} with
 * its own code, {@code declare}, {@code query}, timers, entry points, loops, lambdas, method
 * references, anonymous classes, unicode escapes ({@code \}{@code u0053}), text blocks and
 * back-quoted names.
 */
final class PolicyAllowList {

    /** The package of Régua's facts: the only package a policy file may declare. */
    static final String PACKAGE = "br.com.regua.policy";

    /** Packages whose every class a policy file may import at once with {@code .*}. */
    static final Set<String> WILDCARD_IMPORTS = Set.of("java.time", "java.math");

    private static final List<Class<?>> CLASSES = List.of(
            // Régua's facts and decisions: what the rules read, insert and change
            CaseFacts.class, PaymentHistory.class, CustomerType.class, Channel.class, Stage.class, Segment.class,
            InSegment.class, GracePeriod.class, PlannedStep.class, ChargeRates.class, ContactWindow.class,
            ContactLimit.class, ContactChannel.class, FallbackChannel.class, RequiredNotice.class, NoticeChannel.class, PortalLink.class, OfferTerms.class, PriorityScore.class,
            BrokeAgreementRecently.class, ReportRequest.class, AgingBucket.class, PromiseTerms.class, CallGroup.class,
            ExtensionTerms.class, PunctualityDiscount.class, AgencyShare.class, AgencyCommission.class,
            // the rows of the decision tables, which the logic files read
            StageDay.class, StageAfterGrace.class, StageBroughtForward.class, PriorityPoints.class, InstallmentLimit.class,
            AgreementTerms.class, LateChargeRate.class, LateFeeCap.class, InterestMonth.class, LimitationPeriod.class,
            StateRow.class, ContactHours.class, ContactCap.class, NoticePeriod.class, PreferredTime.class,
            // dates and days (java.time, without Clock: no rule reads the time of the machine)
            LocalDate.class, LocalTime.class, LocalDateTime.class, DayOfWeek.class, Month.class, MonthDay.class,
            Year.class, YearMonth.class, Period.class, Duration.class, Instant.class, OffsetDateTime.class,
            OffsetTime.class, ZonedDateTime.class, ZoneId.class, ZoneOffset.class, ChronoUnit.class,
            // money
            BigDecimal.class, BigInteger.class, RoundingMode.class, MathContext.class,
            // collections, as facts hold them (CaseFacts.optedOut is a Set)
            Collection.class, List.class, Set.class, Map.class, ArrayList.class, HashSet.class, HashMap.class,
            // text, arithmetic, and what accumulate's sum, min, max and average answer
            String.class, Math.class, Number.class);

    /**
     * Members of the classes above that no rule may name, as a method or as a property: they lead
     * to classes and class loaders (hence reflection), threads, or the machine's clock.
     */
    static final Set<String> EXCLUDED_MEMBERS = Set.of(
            "getClass", "getDeclaringClass", "wait", "notify", "notifyAll", "clone", "finalize",
            "describeConstable", "resolveConstantDesc", "stream", "parallelStream", "spliterator", "now");

    /** DRL and Java words a rule may write wherever it likes. */
    static final Set<String> KEYWORDS = Set.of(
            "global", "function", "rule", "when", "then", "end", "extends", "salience", "enabled",
            "no-loop", "lock-on-active", "activation-group", "agenda-group", "ruleflow-group", "auto-focus",
            "date-effective", "date-expires",
            "not", "exists", "forall", "and", "or", "from", "collect", "accumulate",
            "sum", "count", "min", "max", "average", "collectList", "collectSet",
            "contains", "memberOf", "matches", "excludes", "soundslike", "in", "instanceof",
            "insert", "insertLogical", "modify", "update", "delete", "retract",
            "this", "null", "true", "false", "if", "else", "return", "final", "var",
            "int", "long", "double", "float", "boolean", "short", "byte", "char", "void");

    /** Words that look like names in DRL but are grammar: their hyphen is part of them. */
    static final Set<String> HYPHENATED = Set.of("no-loop", "lock-on-active", "activation-group", "agenda-group",
            "ruleflow-group", "auto-focus", "date-effective", "date-expires", "entry-point");

    static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "boolean", "short", "byte", "char",
            "void", "var");

    /**
     * Names a rule may never give to what it declares: Java's and DRL's words, Drools' handles, and
     * the excluded members — in a condition, a name not bound in that rule is read off the fact, so
     * a binding called declaringClass elsewhere would let Stage( $c : declaringClass ) through.
     */
    private static final Set<String> NOT_DECLARABLE = Stream.of(KEYWORDS, EXCLUDED_MEMBERS,
            EXCLUDED_MEMBERS.stream().flatMap(m -> property(m).stream()).collect(Collectors.toSet()), Set.of(
            "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default", "do", "enum",
            "finally", "for", "goto", "implements", "import", "interface", "native", "new", "package", "private",
            "protected", "public", "static", "strictfp", "super", "switch", "synchronized", "throw", "throws",
            "transient", "try", "volatile", "while", "record", "yield", "sealed", "permits", "module",
            "dialect", "eval", "declare", "query", "timer", "calendars", "duration", "entry-point", "window", "over",
            "unit", "drools", "kcontext"))
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Class<?>> TYPES = CLASSES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    private static final Map<String, Class<?>> FULL_NAMES = CLASSES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));
    private static final Set<String> MEMBERS = membersOf(CLASSES);

    private PolicyAllowList() {
    }

    static boolean isType(String simpleName) {
        return TYPES.containsKey(simpleName);
    }

    static boolean isFullName(String qualifiedName) {
        return FULL_NAMES.containsKey(qualifiedName);
    }

    /** A field, method, property or constant of an allowed class, by name. */
    static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    /** A name a rule may declare: starts with a lower-case letter or {@code $}, and is no keyword. */
    static boolean isDeclarable(String name) {
        return !name.isEmpty() && (name.charAt(0) == '$' || Character.isLowerCase(name.codePointAt(0)))
                && !NOT_DECLARABLE.contains(name);
    }

    /** A word of Java or DRL, or one of Drools' handles ({@code drools}, {@code kcontext}): never a name of the policy's own. */
    static boolean isReserved(String word) {
        return NOT_DECLARABLE.contains(word);
    }

    /** The allowed classes, for tests that look at what their members lead to. */
    static List<Class<?>> classes() {
        return CLASSES;
    }

    /**
     * Every public field, method and bean property of the classes, less the excluded members. Rules
     * reach a property through its getter ({@code dueDate.monthValue}, {@code history.empty}), so
     * the property's name is allowed exactly when its getter is.
     */
    static Set<String> membersOf(Collection<Class<?>> classes) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : classes) {
            for (Method m : c.getMethods()) {
                String name = m.getName();
                if (EXCLUDED_MEMBERS.contains(name)) {
                    continue;
                }
                names.add(name);
                if (m.getParameterCount() == 0) {
                    property(name).ifPresent(names::add);
                }
            }
            for (Field f : c.getFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
        }
        return Set.copyOf(names);
    }

    /** The bean property a getter stands for: getMonthValue → monthValue, isEmpty → empty, getURL → URL. */
    static Optional<String> property(String getter) {
        String rest;
        if (getter.startsWith("get") && getter.length() > 3) {
            rest = getter.substring(3);
        } else if (getter.startsWith("is") && getter.length() > 2) {
            rest = getter.substring(2);
        } else {
            return Optional.empty();
        }
        if (!Character.isUpperCase(rest.charAt(0))) {
            return Optional.empty();
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
            return Optional.of(rest);
        }
        return Optional.of(rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1));
    }
}
