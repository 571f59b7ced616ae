package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy file may decide, never act: every rule file is checked against the allow-list before
 * Drools compiles or runs it, and a refusal names the file, the line and what is not allowed.
 */
class PolicyAllowListTests {

    /** A rule file whose consequence, on line 7, is {@code then}. */
    static String ruleThat(String then) {
        return """
                package br.com.regua.policy;

                rule "Attack"
                when
                    CaseFacts()
                then
                    %s
                end
                """.formatted(then);
    }

    /** The default policy with one more file: the errors it is refused with, or none when it compiles. */
    static List<PolicyError> refusals(String file, String content) {
        return refusals(Map.of(file, content));
    }

    static List<PolicyError> refusals(Map<String, String> edits) {
        Map<String, String> files = new HashMap<>(FrozenPolicy.compiled().files());
        files.putAll(edits);
        try {
            CompiledPolicy.compile(files);
            return List.of();
        } catch (PolicyCompilationException e) {
            return e.errors();
        }
    }

    /** Refused at the first {@code text} of {@code line}, with {@code message}. */
    static void assertRefused(String file, String content, int line, String text, String message) {
        String written = content.lines().skip(line - 1).findFirst().orElseThrow();
        assertThat(written).contains(text);
        assertThat(refusals(file, content)).as(content)
                .contains(new PolicyError(file, line, written.indexOf(text) + 1, message));
    }

    /** Refused at the first {@code name} of {@code line}, as not allowed. */
    static void assertRefused(String file, String content, int line, String name) {
        assertRefused(file, content, line, name, notAllowed(name));
    }

    static String notAllowed(String name) {
        return name + " is not allowed in a policy file: rules may only read facts and decide";
    }

    // --- the live policy and what a rule may still write

    @Test
    void theLivePolicyPassesTheAllowListWithNoMessage() {
        SortedMap<String, String> drl = new TreeMap<>();
        Map<String, String> tables = new HashMap<>();
        CompiledPolicy.readDirectory(Path.of("rules")).forEach((name, content) -> {
            if (CompiledPolicy.isRuleFile(name)) {
                drl.put(name, content);
            }
        });
        for (String table : drl.keySet().stream().filter(name -> name.endsWith(".drl.csv")).toList()) {
            tables.put(table, drl.get(table));
            drl.put(table, drlOf(drl.get(table)));
        }

        assertThat(drl).hasSizeGreaterThanOrEqualTo(8);
        assertThat(PolicyFileCheck.check(drl, tables)).isEmpty();
        assertThat(CompiledPolicy.fromDirectory(Path.of("rules")).ruleNames()).hasSizeGreaterThan(50);
    }

    @Test
    void aRuleMayStillUseFunctionsGlobalsAccumulateDatesMoneyAndFullClassNamesOfWhatIsAllowed() {
        String season = """
                package br.com.regua.policy;
                import java.time.*;
                import java.math.BigDecimal;
                import java.time.temporal.ChronoUnit;

                global java.math.BigDecimal unusedThreshold;

                function int extraDays(LocalDate due, int base) {
                    if (due.getMonth() == Month.DECEMBER) {
                        return base + (int) ChronoUnit.DAYS.between(due.withDayOfMonth(1), due) / 10;
                    } else {
                        return Math.max(base, 1);
                    }
                }

                rule "Test: December debts get extra grace from a function"
                    no-loop
                    dialect "java"
                when
                    $facts : CaseFacts( dueDate.monthValue == 12, balance > new java.math.BigDecimal("100") )
                    $channels : Number( intValue >= 0 ) from accumulate( ContactChannel( $c : channel ), count( $c ) )
                then
                    final int days = extraDays($facts.getDueDate(), 2);
                    insert(new GracePeriod(days + BigDecimal.ZERO.intValue()));
                end
                """;

        assertThat(refusals("season.drl", season)).isEmpty();
        PolicyEngine engine = FrozenPolicy.with("season.drl", season);
        assertThat(engine.evaluate(consumerOwing("1000.00").dueDate(java.time.LocalDate.of(2026, 12, 21)).build()).rulesFired())
                .contains("Test: December debts get extra grace from a function");
    }

    // --- the probe: a rule that writes a file

    @Test
    void aRuleThatWritesAFileIsRefusedWithItsLineAndWritesNothing(@TempDir Path tmp) {
        Path written = tmp.resolve("written-by-a-rule.txt");
        Map<String, String> files = new HashMap<>(FrozenPolicy.compiled().files());
        files.put("probe.drl", ruleThat("java.nio.file.Files.writeString(java.nio.file.Path.of(\"%s\"), \"x\");"
                .formatted(written.toString().replace('\\', '/'))));

        // were it compiled, the decision would fire the rule and write the file
        assertThatThrownBy(() -> new PolicyEngine(CompiledPolicy.compile(files)).evaluate(consumerOwing("100.00").build()))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.errors()).containsExactly(
                        new PolicyError("probe.drl", 7, 5, notAllowed("java.nio.file.Files")),
                        new PolicyError("probe.drl", 7, 37, notAllowed("java.nio.file.Path"))));
        assertThat(written).doesNotExist();
    }

    // --- one test per kind of attack

    @Test
    void anImportOfAnyOtherClassIsRefused() {
        String content = """
                package br.com.regua.policy;
                import java.io.File;

                rule "Attack"
                when
                    CaseFacts()
                then
                    new File("policy.txt").delete();
                end
                """;

        assertRefused("attack.drl", content, 2, "java.io.File");
        assertRefused("attack.drl", content, 8, "File");
    }

    @Test
    void aWildcardImportOfAnotherPackageIsRefused() {
        String content = """
                package br.com.regua.policy;
                import java.nio.file.*;
                """;

        assertRefused("attack.drl", content, 2, "java.nio.file.*");
    }

    @Test
    void theFullNameOfAnotherClassIsRefused() {
        assertRefused("attack.drl", ruleThat("java.lang.Runtime.getRuntime().exec(\"touch policy.txt\");"), 7, "java.lang.Runtime");
        // Régua's own classes too, but for its facts and decisions
        assertRefused("attack.drl", ruleThat("br.com.regua.policy.PolicyStore store = null;"), 7, "br.com.regua.policy.PolicyStore");
        assertRefused("attack.drl", ruleThat("PolicyWorkbench workbench = null;"), 7, "PolicyWorkbench");
    }

    @Test
    void systemExitIsRefused() {
        assertRefused("attack.drl", ruleThat("System.exit(0);"), 7, "System");
    }

    @Test
    void getClassIsRefusedEvenWithTheClassNameInPieces() {
        String content = ruleThat("\"\".getClass().forName(\"java.lang.\" + \"Run\" + \"time\");");

        assertRefused("attack.drl", content, 7, "getClass");
        assertThat(refusals("attack.drl", content)).extracting(PolicyError::message)
                .contains("forName is not a field, method or name a policy file may use: rules may only read facts and decide");
    }

    @Test
    void runtimeIsRefused() {
        assertRefused("attack.drl", ruleThat("Runtime.getRuntime().exec(new String[] {\"sh\", \"-c\", \"touch policy.txt\"});"), 7,
                "Runtime");
    }

    @Test
    void threadsAndExecutorsAreRefused() {
        String content = ruleThat("""
                new Thread("worker").start();
                    java.util.concurrent.Executors.newSingleThreadExecutor();""");

        assertRefused("attack.drl", content, 7, "Thread");
        assertRefused("attack.drl", content, 8, "java.util.concurrent.Executors");
    }

    @Test
    void reflectionAndClassLoadersAreRefused() {
        String content = ruleThat("""
                java.lang.reflect.Method m = CaseFacts.class.getMethod("getBalance");
                    ClassLoader.getSystemClassLoader().loadClass("java.lang.Runtime");
                    Class.forName("java.lang.Runtime");""");

        assertRefused("attack.drl", content, 7, "java.lang.reflect.Method");
        assertRefused("attack.drl", content, 7, "class.getMethod", notAllowed("class"));
        assertRefused("attack.drl", content, 8, "ClassLoader");
        assertRefused("attack.drl", content, 9, "Class");
    }

    @Test
    void aUnicodeEscapeIsRefusedWhereverItIsEvenInAComment() {
        String message = "unicode escapes (\\u...) are not allowed in a policy file: Java reads them even in comments and text, "
                + "where they can hide a name; write the character itself";
        // backslash-u0053 is S: javac reads System.exit(0)
        String escaped = ruleThat("\\u0053ystem.exit(0);");
        // backslash-u000a is a new line: javac reads the call after the comment
        String inComment = ruleThat("// nothing to see \\u000a System.exit(0);");

        assertThat(refusals("attack.drl", escaped)).containsExactly(new PolicyError("attack.drl", 7, 5, message));
        assertThat(refusals("attack.drl", inComment)).containsExactly(new PolicyError("attack.drl", 7, 23, message));
        // an escaped backslash is no escape: a regular expression may say \\u
        assertThat(refusals("test-regex.drl", ruleThat("insert(new GracePeriod(\"\\\\u\".length()));"))).isEmpty();
    }

    @Test
    void aFunctionThatCallsWhatIsNotAllowedIsRefusedWhereItIsWritten() {
        String content = """
                package br.com.regua.policy;

                function void leave() {
                    System.exit(0);
                }

                rule "Attack"
                when
                    CaseFacts()
                then
                    leave();
                end
                """;

        assertThat(refusals("attack.drl", content)).containsExactly(new PolicyError("attack.drl", 4, 5, notAllowed("System")));
    }

    @Test
    void staticImportsAreRefused() {
        String content = """
                package br.com.regua.policy;
                import static java.lang.System.exit;

                rule "Attack"
                when
                    CaseFacts()
                then
                    exit(0);
                end
                """;

        assertRefused("attack.drl", content, 2, "static", "import static is not allowed in a policy file: name the class, "
                + "e.g. DayOfWeek.MONDAY");
        assertRefused("attack.drl", content, 8, "exit", "exit is not a field, method or name a policy file may use: "
                + PolicyFileCheck.ONLY_DECIDE);
    }

    @Test
    void importFunctionIsRefused() {
        String content = """
                package br.com.regua.policy;
                import function java.lang.System.exit;
                """;

        assertThat(refusals("attack.drl", content)).extracting(PolicyError::line, PolicyError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "import function is not allowed in a policy file: rules may only read facts "
                        + "and decide, with the functions declared in the policy itself"));
    }

    @Test
    void theMvelDialectIsRefused() {
        String content = """
                package br.com.regua.policy;

                rule "Attack"
                    dialect "mvel"
                when
                    CaseFacts()
                then
                    c = "".class;
                end
                """;

        assertRefused("attack.drl", content, 4, "dialect", "dialect \"mvel\" is not allowed in a policy file: rules are written "
                + "in the Java dialect, whose every name is checked");
        assertRefused("attack.drl", content, 8, "class");
    }

    @Test
    void aDecisionTableWhoseCodeCellWritesAFileIsRefusedAtThatCellAndWritesNothing(@TempDir Path tmp) {
        Path written = tmp.resolve("written-by-a-table.txt");
        String discounts = FrozenPolicy.compiled().files().get("discounts.drl.csv");
        String cell = "\"terms.setValidDays($param); insert(terms); java.nio.file.Files.writeString(java.nio.file.Path.of(\"\"%s\"\"), \"\"x\"\");\""
                .formatted(written.toString().replace('\\', '/'));
        String edited = discounts.replace("terms.setValidDays($param); insert(terms);", cell);
        Map<String, String> files = new HashMap<>(FrozenPolicy.compiled().files());
        files.put("discounts.drl.csv", edited);
        int line = 8;
        String codeRow = edited.lines().skip(line - 1).findFirst().orElseThrow();

        assertThat(codeRow).contains("java.nio.file.Files");
        assertThatThrownBy(() -> new PolicyEngine(CompiledPolicy.compile(files)).evaluate(withHistory(goodPayer()).build()))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.errors()).containsExactly(
                        new PolicyError("discounts.drl.csv", line, codeRow.indexOf("java.nio.file.Files") + 1,
                                notAllowed("java.nio.file.Files")),
                        new PolicyError("discounts.drl.csv", line, codeRow.indexOf("java.nio.file.Path") + 1,
                                notAllowed("java.nio.file.Path"))));
        assertThat(written).doesNotExist();
    }

    @Test
    void aDecisionTableValueCellThatSmugglesACallIsRefusedAtItsRow() {
        String discounts = FrozenPolicy.compiled().files().get("discounts.drl.csv");
        // the action is terms.setValidDays($param); the value closes the call and starts another
        String row = "Good payers get up to 15% off the principal from 30 to 89 days overdue,GOOD_PAYER,30,90,0.15,true,10";
        String smuggled = row.replaceFirst(",10$", ",10); java.lang.Runtime.getRuntime().halt(0");
        String edited = discounts.replace(row, smuggled);

        assertThat(edited.lines().toList().indexOf(smuggled)).isEqualTo(10);
        List<PolicyError> refusals = refusals("discounts.drl.csv", edited);
        assertThat(refusals).first().isEqualTo(new PolicyError("discounts.drl.csv", 11, smuggled.indexOf("java.lang.Runtime") + 1,
                notAllowed("java.lang.Runtime")));
        assertThat(refusals).extracting(PolicyError::line).containsOnly(11);
    }

    // --- more ways in

    @Test
    void droolsOwnHandlesAreRefused() {
        String content = ruleThat("""
                drools.halt();
                    kcontext.getKieRuntime().getKieBase();""");

        assertRefused("attack.drl", content, 7, "drools");
        assertRefused("attack.drl", content, 8, "kcontext");
    }

    @Test
    void aLowerCaseNameDeclaredInOneRuleDoesNotOpenAPackageInAnother() {
        String content = """
                package br.com.regua.policy;

                rule "Declares java"
                when
                    CaseFacts()
                then
                    int java = 0;
                end

                rule "Then reaches for java.lang"
                when
                    CaseFacts()
                then
                    java.lang.Runtime.getRuntime().halt(0);
                end
                """;

        assertRefused("attack.drl", content, 14, "lang", "lang is not a field, method or name a policy file may use: "
                + PolicyFileCheck.ONLY_DECIDE);
    }

    @Test
    void aRuleCannotDeclareANameThatAFactWouldAnswerWithItsClass() {
        String content = """
                package br.com.regua.policy;

                rule "Binds a name"
                when
                    declaringClass : CaseFacts()
                then
                end

                rule "Then reads it off an enum"
                when
                    Stage( $c : declaringClass )
                then
                end
                """;

        assertRefused("attack.drl", content, 5, "declaringClass");
        assertRefused("attack.drl", content, 11, "declaringClass");
    }

    @Test
    void evalAndAccumulateWithCodeOfItsOwnAreRefused() {
        String content = """
                package br.com.regua.policy;

                rule "Attack"
                when
                    CaseFacts( eval( true ) )
                    Number() from accumulate( PlannedStep( $d : day ), init( int n = 0; ), action( n++; ), result( n ) )
                then
                end
                """;

        assertRefused("attack.drl", content, 5, "eval", "eval is not allowed in a policy file: write the condition as a "
                + "constraint of a fact, e.g. CaseFacts( balance > 100 )");
        assertRefused("attack.drl", content, 6, "init", "accumulate with code of its own (init) is not allowed in a policy file: "
                + "use sum, count, min, max, average, collectList or collectSet");
    }

    @Test
    void loopsLambdasAndAnonymousClassesAreRefused() {
        String content = ruleThat("""
                while (true) { }
                    new java.util.ArrayList<PlannedStep>().forEach(s -> s.setDay(1));
                    insert(new OfferTerms() { public String toString() { return "x"; } });""");

        assertRefused("attack.drl", content, 7, "while", "while loops are not allowed in a policy file: a rule decides once for "
                + "each match of its facts");
        assertRefused("attack.drl", content, 8, "->", "lambdas (->) are not allowed in a policy file: " + PolicyFileCheck.ONLY_DECIDE);
        assertRefused("attack.drl", content, 9, "new", "anonymous classes (new ...() { }) are not allowed in a policy file: "
                + PolicyFileCheck.ONLY_DECIDE);
    }

    @Test
    void aPolicyFileOfAnotherPackageIsRefused() {
        // in another package, a fact's simple name could be another class
        assertRefused("attack.drl", "package java.nio.channels;\n", 1, "java.nio.channels", "package java.nio.channels is not "
                + "allowed in a policy file: rules live in package br.com.regua.policy, with Régua's facts");
    }

    @Test
    void namesThatAreNotWhatTheyLookLikeAreRefused() {
        // U+200B is invisible, and Java ignores it inside a name: Sys<U+200B>tem is System
        assertThat(refusals("attack.drl", ruleThat("Sys\u200Btem.exit(0);"))).extracting(PolicyError::line, PolicyError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "a name with an invisible character is not allowed in a "
                        + "policy file: Java ignores the character, so the name is not what it looks like"));
        assertThat(refusals("attack.drl", ruleThat("`System`.exit(0);"))).extracting(PolicyError::message)
                .containsExactly("back-quoted names (`...`) are not allowed in a policy file: " + PolicyFileCheck.ONLY_DECIDE);
        // a text block would be read by Java as one text and by the check as several
        assertThat(refusals("attack.drl", ruleThat("String s = \"\"\"\n  a \" b \"\"\"; System.exit(0); \"\";")))
                .extracting(PolicyError::line).containsExactly(7);
        assertThat(refusals("attack.drl", ruleThat("int now = java.time.LocalDate.now().getDayOfMonth();")))
                .extracting(PolicyError::message).contains("now() is not allowed in a policy file: today is a fact (CaseFacts' "
                        + "today), so that a decision does not depend on when it is made");
    }

    @Test
    void aFileOfThousandsOfWrongNamesIsRefusedWithItsFirstFiftyProblems() {
        String content = ruleThat("System.exit(0);\n".repeat(5_000));

        List<PolicyError> refusals = refusals("attack.drl", content);

        assertThat(refusals).hasSize(PolicyFileCheck.MOST_PROBLEMS_PER_FILE);
        assertThat(refusals.get(0)).isEqualTo(new PolicyError("attack.drl", 7, 5, notAllowed("System")));
        assertThat(refusals.get(49).line()).isEqualTo(56);
    }

    /**
     * Names are allowed by name, whatever object they are called on: so no allowed name, called on
     * anything an allowed name returns, may lead to a class, a class loader, a thread, a process,
     * a file or the network.
     */
    @Test
    void noAllowedNameLeadsOutOfADecision() {
        Set<Class<?>> reached = new HashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>(PolicyAllowList.classes());
        next.add(Object.class); // and what literals are: text, numbers, booleans
        next.add(Integer.class);
        next.add(Boolean.class);
        while (!next.isEmpty()) {
            Class<?> c = next.pop();
            if (c.isPrimitive() || !reached.add(c)) {
                continue;
            }
            if (c.isArray()) {
                next.add(c.getComponentType());
                continue;
            }
            for (Method m : c.getMethods()) {
                if (PolicyAllowList.isMember(m.getName())
                        || (m.getParameterCount() == 0 && PolicyAllowList.property(m.getName()).filter(PolicyAllowList::isMember).isPresent())) {
                    classesOf(m.getGenericReturnType(), next);
                }
            }
            for (Field f : c.getFields()) {
                if (PolicyAllowList.isMember(f.getName())) {
                    classesOf(f.getGenericType(), next);
                }
            }
        }

        assertThat(reached).contains(java.time.LocalDate.class, java.math.BigDecimal.class, PlannedStep.class);
        Set<String> out = new TreeSet<>();
        reached.stream().filter(PolicyAllowListTests::leadsOut).forEach(c -> out.add(c.getName()));
        assertThat(out).isEmpty();
    }

    private static void classesOf(Type type, Deque<Class<?>> into) {
        classesOf(type, into, new HashSet<>());
    }

    private static void classesOf(Type type, Deque<Class<?>> into, Set<Type> seen) {
        if (!seen.add(type)) {
            return; // T extends Comparable<T>
        }
        if (type instanceof Class<?> c) {
            into.add(c);
        } else if (type instanceof ParameterizedType p) {
            classesOf(p.getRawType(), into, seen);
            for (Type argument : p.getActualTypeArguments()) {
                classesOf(argument, into, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            classesOf(a.getGenericComponentType(), into, seen);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                classesOf(bound, into, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                classesOf(bound, into, seen);
            }
        }
    }

    private static boolean leadsOut(Class<?> c) {
        String name = c.getName();
        return Set.<Class<?>>of(Class.class, ClassLoader.class, Thread.class, ThreadGroup.class, Runtime.class, Process.class,
                ProcessBuilder.class, ProcessHandle.class, System.class, Module.class, ModuleLayer.class, StackWalker.class)
                .contains(c)
                || ClassLoader.class.isAssignableFrom(c) || Thread.class.isAssignableFrom(c)
                || List.of("java.lang.reflect.", "java.lang.invoke.", "java.io.", "java.nio.", "java.net.", "java.util.concurrent.",
                        "java.sql.", "javax.", "sun.", "jdk.", "org.kie.", "org.drools.", "org.mvel2.", "org.springframework.")
                .stream().anyMatch(name::startsWith)
                || (name.startsWith("br.com.regua.") && !name.startsWith("br.com.regua.policy."));
    }

    /** The DRL Drools makes of a decision table, as {@link CompiledPolicy} compiles it. */
    private static String drlOf(String csv) {
        return CompiledPolicy.tableToDrl(csv);
    }
}
