package br.com.regua.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the rule files of a policy against {@link PolicyAllowList} before Drools compiles or runs
 * any of them: a policy file may decide, never act. Token by token over the whole file — rule
 * conditions, consequences, functions, attributes alike — so that no part of DRL escapes the check
 * because a parser of ours understood it differently from Drools'. Every name must be on the list
 * or declared by the policy itself; every problem is reported at the line and column of its token.
 */
final class PolicyFileCheck {

    static final String ONLY_DECIDE = "rules may only read facts and decide";

    /** Enough to act on; a file of a million wrong names needs no million messages. */
    static final int MOST_PROBLEMS_PER_FILE = 50;
    /** How far back or ahead a declaration's type is looked for: types are short, files may not be. */
    private static final int TYPE_REACH = 64;

    private PolicyFileCheck() {
    }

    /**
     * Checks every rule file (name → DRL). A decision table is checked in the DRL Drools makes of
     * it; {@code tables} holds the table's own text (name → CSV), so that a problem is reported at
     * the line of the table where the offending text was written.
     */
    static List<PolicyError> check(SortedMap<String, String> drl, Map<String, String> tables) {
        Set<PolicyError> errors = new LinkedHashSet<>();
        Map<String, List<Token>> lexed = new TreeMap<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            String name = file.getKey();
            String table = tables.get(name);
            // escapes first, in the text as written: they change what the rest of the file means
            List<Problem> escapes = unicodeEscapes(table != null ? table : file.getValue());
            if (escapes.isEmpty() && table != null) {
                // and in the DRL made of a table, should the table's own escaping of quotes have made one
                escapes = unicodeEscapes(file.getValue()).stream().map(p -> {
                    int[] at = TableLines.locate(table, file.getValue(), p);
                    return new Problem(at[0], at[1], p.text(), p.message());
                }).toList();
            }
            if (!escapes.isEmpty()) {
                escapes.forEach(p -> errors.add(new PolicyError(name, p.line(), p.column(), p.message())));
                continue;
            }
            Lexer lexer = new Lexer(file.getValue());
            if (lexer.problem != null) {
                errors.add(locate(name, table, file.getValue(), lexer.problem));
                continue;
            }
            lexed.put(name, lexer.tokens);
        }
        // one package: a function or a global declared in one file is called from the others
        Names names = new Names();
        lexed.values().forEach(names::collect);
        lexed.forEach((name, tokens) -> {
            for (Problem p : new Checker(tokens, names).run()) {
                errors.add(locate(name, tables.get(name), drl.get(name), p));
            }
        });
        return List.copyOf(errors);
    }

    /**
     * Every stage key the rule files write that the process does not declare: in a planned step or
     * a required notice ({@code new PlannedStep("FORMAL_NOTICE", 30)}), a comparison
     * ({@code stage == "FORMAL_NOTICE"}, {@code stage in ("A", "B")}), a resume stage, a reached day, or
     * a constant of policy versions written before keys ({@code Stage.FORMAL_NOTICE}). Run on files the
     * allow-list check has passed.
     */
    static List<PolicyError> unknownStages(SortedMap<String, String> drl, Map<String, String> tables, StageCatalog stages) {
        Set<PolicyError> errors = new LinkedHashSet<>();
        drl.forEach((name, text) -> {
            List<Token> t = new Lexer(text).tokens;
            for (int k = 0; k < t.size(); k++) {
                for (Token key : stageKeysAt(t, k)) {
                    if (!stages.knows(key.text()) && !StageKeys.isPosition(key.text())) {
                        errors.add(locate(name, tables.get(name), text, new Problem(key.line(), key.column(), key.text(),
                                "no stage " + key.text() + " in the collection process; its stages are "
                                        + stages.stages().stream().map(StageCatalog.StageInfo::key).toList())));
                    }
                }
            }
        });
        return List.copyOf(errors);
    }

    private static final Set<String> STAGE_CALLS = Set.of("PlannedStep", "RequiredNotice", "setResumeStage", "dayReached",
            "StageDay", "StageAfterGrace", "StageBroughtForward", "NoticePeriod", "setStage");
    private static final Set<String> STAGE_FIELDS = Set.of("stage", "notice", "currentStage", "resumeStage");

    /** The stage keys written at token {@code k}, if a stage is written there. */
    private static List<Token> stageKeysAt(List<Token> t, int k) {
        Token at = t.get(k);
        List<Token> keys = new ArrayList<>();
        if (at.kind() == Kind.NAME && STAGE_CALLS.contains(at.text()) && k + 1 < t.size() && t.get(k + 1).is("(")) {
            texts(t, k + 2, keys);
        } else if (at.kind() == Kind.NAME && STAGE_FIELDS.contains(at.text()) && k + 2 < t.size()) {
            Token op = t.get(k + 1);
            if ((op.is("==") || op.is("!=")) && t.get(k + 2).kind() == Kind.TEXT) {
                keys.add(t.get(k + 2));
            } else if (op.isName("in") && t.get(k + 2).is("(")) {
                texts(t, k + 3, keys);
            } else if (op.isName("not") && k + 3 < t.size() && t.get(k + 2).isName("in") && t.get(k + 3).is("(")) {
                texts(t, k + 4, keys);
            }
        } else if (at.isName("Stage") && k + 2 < t.size() && t.get(k + 1).is(".") && t.get(k + 2).kind() == Kind.NAME) {
            Token constant = t.get(k + 2);
            keys.add(new Token(Kind.TEXT, constant.text(), constant.line(), constant.column()));
        }
        return keys;
    }

    /** The quoted texts among the arguments that start at {@code from}, up to the closing parenthesis. */
    private static void texts(List<Token> t, int from, List<Token> into) {
        int depth = 0;
        for (int k = from; k < t.size(); k++) {
            Token x = t.get(k);
            if (x.is("(")) {
                depth++;
            } else if (x.is(")")) {
                if (depth-- == 0) {
                    return;
                }
            } else if (depth == 0 && x.kind() == Kind.TEXT) {
                into.add(x);
            }
        }
    }

    /** A problem at a position of the DRL text; {@code text} is what to look for in the decision table. */
    record Problem(int line, int column, String text, String message) {
    }

    private static PolicyError locate(String file, String table, String drl, Problem p) {
        if (table == null) {
            return new PolicyError(file, p.line(), p.column(), p.message());
        }
        int[] at = TableLines.locate(table, drl, p);
        return new PolicyError(file, at[0], at[1], p.message());
    }

    static String notAllowed(String name) {
        return name + " is not allowed in a policy file: " + ONLY_DECIDE;
    }

    static String notAName(String name) {
        return name + " is not a field, method or name a policy file may use: " + ONLY_DECIDE;
    }

    // --- unicode escapes

    /**
     * Java turns {@code \}{@code u0053} into {@code S} before it reads anything else, in comments
     * and text too: {@code \}{@code u000a} ends a comment and {@code \}{@code u0022} ends a text,
     * so an escape can hide a name from any check that reads the file as written. None is needed:
     * the files are UTF-8.
     */
    static List<Problem> unicodeEscapes(String s) {
        List<Problem> found = new ArrayList<>();
        int line = 1;
        int column = 1;
        int backslashes = 0;
        for (int i = 0; i < s.length() && found.size() < MOST_PROBLEMS_PER_FILE; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                // an escape only where the backslash is not itself escaped (JLS 3.3)
                if (backslashes % 2 == 0 && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                    found.add(new Problem(line, column, "\\u", "unicode escapes (\\u...) are not allowed in a policy file: "
                            + "Java reads them even in comments and text, where they can hide a name; write the character itself"));
                }
                backslashes++;
            } else {
                backslashes = 0;
            }
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return found;
    }

    // --- tokens

    enum Kind { NAME, NUMBER, TEXT, SYMBOL }

    /** A word, number, quoted text or symbol of a DRL file, at its line and column (from 1). */
    record Token(Kind kind, String text, int line, int column) {

        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isName(String word) {
            return kind == Kind.NAME && text.equals(word);
        }
    }

    /**
     * Splits DRL into tokens as Drools' DRL lexer and the Java compiler would: comments and quoted
     * text (in {@code "} or {@code '}) are skipped, numbers keep only the suffix letter Java or DRL
     * gives them (so {@code 10System} is a number and a name). Where the two languages could read a
     * text differently (text blocks, back-quoted names, invisible characters), it refuses instead.
     */
    static final class Lexer {

        private final String s;
        private int i;
        private int line = 1;
        private int column = 1;
        final List<Token> tokens = new ArrayList<>();
        Problem problem;

        Lexer(String s) {
            this.s = s;
            run();
        }

        private void run() {
            while (i < s.length() && problem == null) {
                int c = s.codePointAt(i);
                if (c == '\n' || c == '\r') {
                    step();
                } else if (c == ' ' || c == '\t' || c == '\f') {
                    step();
                } else if (s.startsWith("//", i)) {
                    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        step();
                    }
                } else if (s.startsWith("/*", i)) {
                    comment();
                } else if (s.startsWith("\"\"\"", i)) {
                    problem = new Problem(line, column, "\"\"\"",
                            "text blocks (\"\"\") are not allowed in a policy file: write the text between single quotes \"...\"");
                } else if (c == '"' || c == '\'') {
                    text((char) c);
                } else if (c == '`') {
                    problem = new Problem(line, column, "`",
                            "back-quoted names (`...`) are not allowed in a policy file: " + ONLY_DECIDE);
                } else if (c >= '0' && c <= '9') {
                    number();
                } else if (Character.isJavaIdentifierStart(c)) {
                    name();
                } else if (c < 128) {
                    symbol();
                } else {
                    problem = new Problem(line, column, new String(Character.toChars(c)), String.format(
                            "the character U+%04X is not allowed in a policy file outside comments and quoted text", c));
                }
            }
        }

        private void step() {
            char c = s.charAt(i++);
            if (c == '\n' || (c == '\r' && (i == s.length() || s.charAt(i) != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }

        private void comment() {
            int l = line;
            int col = column;
            step();
            step();
            while (i < s.length() && !s.startsWith("*/", i)) {
                step();
            }
            if (i >= s.length()) {
                problem = new Problem(l, col, "/*", "this comment is never closed with */");
            } else {
                step();
                step();
            }
        }

        private void text(char quote) {
            int l = line;
            int col = column;
            int start = i;
            step();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    step();
                    step();
                } else if (c == quote) {
                    step();
                    tokens.add(new Token(Kind.TEXT, s.substring(start + 1, i - 1), l, col));
                    return;
                } else {
                    step();
                }
            }
            problem = new Problem(l, col, String.valueOf(quote), "this text is never closed with " + quote);
        }

        private void number() {
            int start = i;
            int col = column;
            if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
                i += 2;
                while (i < s.length() && isHexDigit(s.charAt(i))) {
                    i++;
                }
                suffix("lLI");
            } else {
                digits();
                if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
                    i++;
                    digits();
                }
                if (i + 1 < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < s.length() && isDigit(s.charAt(e))) {
                        i = e;
                        digits();
                    }
                }
                suffix("lLfFdDBI");
            }
            column += i - start;
            tokens.add(new Token(Kind.NUMBER, s.substring(start, i), line, col));
        }

        private void digits() {
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }

        private void suffix(String letters) {
            if (i < s.length() && letters.indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private void name() {
            int col = column;
            int end = nameEnd(i);
            String word = s.substring(i, end);
            if (word.codePoints().anyMatch(Character::isIdentifierIgnorable)) {
                problem = new Problem(line, col, word, "a name with an invisible character is not allowed in a policy file: "
                        + "Java ignores the character, so the name is not what it looks like");
                return;
            }
            // DRL's hyphenated words (no-loop, lock-on-active...) are one word, not a subtraction
            String joined = word;
            int j = end;
            while (j + 1 < s.length() && s.charAt(j) == '-' && Character.isJavaIdentifierStart(s.codePointAt(j + 1))) {
                int next = nameEnd(j + 1);
                String longer = joined + "-" + s.substring(j + 1, next);
                String prefix = longer;
                if (PolicyAllowList.HYPHENATED.stream().noneMatch(h -> h.equals(prefix) || h.startsWith(prefix + "-"))) {
                    break;
                }
                joined = longer;
                j = next;
            }
            if (!joined.equals(word) && PolicyAllowList.HYPHENATED.contains(joined)) {
                word = joined;
                end = j;
            }
            column += end - i;
            i = end;
            tokens.add(new Token(Kind.NAME, word, line, col));
        }

        private int nameEnd(int from) {
            int j = from + Character.charCount(s.codePointAt(from));
            while (j < s.length() && Character.isJavaIdentifierPart(s.codePointAt(j))) {
                j += Character.charCount(s.codePointAt(j));
            }
            return j;
        }

        private void symbol() {
            String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
            String text = two.equals("::") || two.equals("->") ? two : s.substring(i, i + 1);
            tokens.add(new Token(Kind.SYMBOL, text, line, column));
            for (int k = 0; k < text.length(); k++) {
                step();
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isHexDigit(char c) {
            return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }

    // --- names the policy declares

    /**
     * The names the policy declares itself — bindings, local variables, parameters, functions,
     * globals — over all its files (one package). Only names that start with a lower-case letter or
     * {@code $} count: such a name can never be taken by Java for a class, and the members after
     * it are checked as members wherever it appears.
     */
    static final class Names {

        final Set<String> declared = new HashSet<>();
        /** Declarations with a capital: refused, with a word on why. */
        final Set<String> capitalised = new HashSet<>();

        void collect(List<Token> t) {
            for (int k = 0; k < t.size(); k++) {
                Token token = t.get(k);
                if (token.kind() != Kind.NAME || after(t, k, ".")) {
                    continue;
                }
                if (token.isName("function")) {
                    // function ReturnType name(...)
                    for (int j = k + 1; j < Math.min(t.size() - 1, k + 12); j++) {
                        if (t.get(j).kind() == Kind.NAME && t.get(j + 1).is("(")) {
                            declare(t.get(j));
                            break;
                        }
                    }
                } else if (token.isName("global")) {
                    int j = skipType(t, k + 1);
                    if (j < t.size() && t.get(j).kind() == Kind.NAME) {
                        declare(t.get(j));
                    }
                } else if (k + 1 < t.size() && t.get(k + 1).is(":")) {
                    declare(token); // $binding : Fact(...), or $field : field
                } else if (k > 0 && k + 1 < t.size() && endsType(t, k - 1) && isDeclarationEnd(t, k + 1)) {
                    declare(token); // Type name = ..., Type name; Type name, Type name)
                }
            }
        }

        private void declare(Token name) {
            if (PolicyAllowList.isDeclarable(name.text())) {
                declared.add(name.text());
            } else if (Character.isUpperCase(name.text().codePointAt(0))) {
                capitalised.add(name.text());
            }
        }

        private static boolean isDeclarationEnd(List<Token> t, int k) {
            Token next = t.get(k);
            if (next.is("=")) {
                return k + 1 < t.size() && !t.get(k + 1).is("=");
            }
            return next.is(";") || next.is(",") || next.is(")");
        }

        /** Does the type of a declaration end at token {@code k}: an allowed type, a primitive, {@code X<...>}, {@code X[]}? */
        private static boolean endsType(List<Token> t, int k) {
            int depth = 0;
            for (int j = k; j >= 0 && j > k - TYPE_REACH; j--) {
                Token g = t.get(j);
                if (g.is("]") && j > 0 && t.get(j - 1).is("[")) {
                    j--; // X[]: the type ends before the brackets
                } else if (g.is(">")) {
                    depth++;
                } else if (g.is("<") && depth > 0) {
                    depth--;
                } else if (g.kind() == Kind.NAME && depth == 0) {
                    return PolicyAllowList.isType(g.text()) || PolicyAllowList.PRIMITIVES.contains(g.text());
                } else if (!(depth > 0 && (g.is(",") || g.is("?") || g.is(".") || g.is("[") || g.is("]") || g.isName("extends")
                        || (g.kind() == Kind.NAME && PolicyAllowList.isType(g.text()))))) {
                    return false;
                }
            }
            return false;
        }

        /** The index after a type written from {@code k}: {@code a.b.C<...>[]}. */
        private static int skipType(List<Token> t, int k) {
            int j = k;
            int end = Math.min(t.size(), k + TYPE_REACH);
            while (j < end && t.get(j).kind() == Kind.NAME) {
                j++;
                if (j < t.size() && t.get(j).is(".")) {
                    j++;
                } else {
                    break;
                }
            }
            if (j < end && t.get(j).is("<")) {
                j = afterTypeArguments(t, j, end);
            }
            while (j + 1 < end && t.get(j).is("[") && t.get(j + 1).is("]")) {
                j += 2;
            }
            return j;
        }
    }

    /** The index after {@code <...>} opening at {@code j}, looked for before {@code end}. */
    private static int afterTypeArguments(List<Token> t, int j, int end) {
        int depth = 0;
        for (int g = j; g < end; g++) {
            if (t.get(g).is("<")) {
                depth++;
            } else if (t.get(g).is(">") && --depth == 0) {
                return g + 1;
            }
        }
        return end;
    }

    private static boolean after(List<Token> t, int k, String symbol) {
        return k > 0 && t.get(k - 1).is(symbol);
    }

    // --- the check

    /** Walks one file's tokens; every name must be a keyword, an allowed class or member, or declared. */
    static final class Checker {

        private final List<Token> t;
        private final Names names;
        private final List<Problem> problems = new ArrayList<>();
        /** For each {@code (}, the index of its {@code )}, or -1. */
        private final int[] closing;

        Checker(List<Token> tokens, Names names) {
            this.t = tokens;
            this.names = names;
            this.closing = new int[tokens.size()];
            Arrays.fill(closing, -1);
            Deque<Integer> open = new ArrayDeque<>();
            for (int k = 0; k < tokens.size(); k++) {
                if (tokens.get(k).is("(")) {
                    open.push(k);
                } else if (tokens.get(k).is(")") && !open.isEmpty()) {
                    closing[open.pop()] = k;
                }
            }
        }

        List<Problem> run() {
            for (int k = 0; k < t.size() && problems.size() < MOST_PROBLEMS_PER_FILE; k++) {
                Token token = t.get(k);
                if (token.is("->")) {
                    refuse(token, "lambdas (->) are not allowed in a policy file: " + ONLY_DECIDE);
                } else if (token.is("::")) {
                    refuse(token, "method references (::) are not allowed in a policy file: " + ONLY_DECIDE);
                } else if (token.kind() == Kind.NAME) {
                    k = name(k);
                }
            }
            return problems;
        }

        /** Checks the name at {@code k}; answers the index of the last token it took care of. */
        private int name(int k) {
            Token token = t.get(k);
            String w = token.text();
            if (w.equals("now")) {
                refuse(token, "now() is not allowed in a policy file: today is a fact (CaseFacts' today), "
                        + "so that a decision does not depend on when it is made");
                return k;
            }
            if (after(t, k, ".")) {
                if (!PolicyAllowList.isMember(w)) {
                    refuse(token, Character.isUpperCase(w.codePointAt(0)) || PolicyAllowList.isReserved(w)
                            || PolicyAllowList.EXCLUDED_MEMBERS.contains(w) ? notAllowed(w) : notAName(w));
                }
                return k;
            }
            switch (w) {
                case "package":
                    return packageDeclaration(k);
                case "import":
                    return importDeclaration(k);
                case "dialect":
                    return dialect(k);
                case "new":
                    anonymousClass(k);
                    return k;
                case "rule":
                    if (k + 1 < t.size() && t.get(k + 1).kind() == Kind.NAME) {
                        refuse(t.get(k + 1), "write a rule's name between quotes: rule \"" + t.get(k + 1).text() + "\"");
                        return k + 1;
                    }
                    return k;
                case "for", "while", "do":
                    refuse(token, w + " loops are not allowed in a policy file: a rule decides once for each match of its facts");
                    return k;
                case "eval":
                    refuse(token, "eval is not allowed in a policy file: write the condition as a constraint of a fact, "
                            + "e.g. CaseFacts( balance > 100 )");
                    return k;
                case "init", "action", "reverse", "result":
                    if (k + 1 < t.size() && t.get(k + 1).is("(")) {
                        refuse(token, "accumulate with code of its own (" + w + ") is not allowed in a policy file: "
                                + "use sum, count, min, max, average, collectList or collectSet");
                        return k;
                    }
                    break;
                default:
                    break;
            }
            int fullName = allowedFullName(k);
            if (fullName >= 0) {
                return fullName;
            }
            if (PolicyAllowList.isKeyword(w) || PolicyAllowList.isType(w) || names.declared.contains(w)
                    || (PolicyAllowList.isMember(w) && Character.isLowerCase(w.codePointAt(0)))) {
                return k;
            }
            return refuseChain(k);
        }

        /** A refused name and the members after it ({@code System.exit}): one problem, named as the class if it is one. */
        private int refuseChain(int k) {
            List<Integer> chain = chain(k);
            Token head = t.get(k);
            String w = head.text();
            int last = chain.get(chain.size() - 1);
            if (Character.isUpperCase(w.codePointAt(0))) {
                refuse(head, w, names.capitalised.contains(w)
                        ? notAllowed(w) + "; a name a rule declares starts with a lower-case letter or $" : notAllowed(w));
                return last;
            }
            // a full class name: java.nio.file.Files.writeString → java.nio.file.Files
            StringBuilder name = new StringBuilder(w);
            for (int c = 1; c < chain.size(); c++) {
                String segment = t.get(chain.get(c)).text();
                name.append('.').append(segment);
                if (Character.isUpperCase(segment.codePointAt(0))) {
                    refuse(head, name.toString(), notAllowed(name.toString()));
                    return last;
                }
            }
            refuse(head, w, PolicyAllowList.isReserved(w) ? notAllowed(w) : notAName(w));
            return last;
        }

        /** The indexes of the names of {@code a.b.c} starting at {@code k}. */
        private List<Integer> chain(int k) {
            List<Integer> chain = new ArrayList<>(List.of(k));
            int j = k;
            while (j + 2 < t.size() && t.get(j + 1).is(".") && t.get(j + 2).kind() == Kind.NAME) {
                j += 2;
                chain.add(j);
            }
            return chain;
        }

        /** {@code java.math.BigDecimal}, {@code br.com.regua.policy.Stage}: the index of its last name, or -1. */
        private int allowedFullName(int k) {
            List<Integer> chain = chain(k);
            StringBuilder name = new StringBuilder();
            int found = -1;
            // no allowed class is more than a few packages deep
            for (int index : chain.subList(0, Math.min(chain.size(), 8))) {
                name.append(name.isEmpty() ? "" : ".").append(t.get(index).text());
                if (PolicyAllowList.isFullName(name.toString())) {
                    found = index;
                }
            }
            return found;
        }

        private int packageDeclaration(int k) {
            if (k + 1 >= t.size() || t.get(k + 1).kind() != Kind.NAME) {
                return k;
            }
            List<Integer> chain = chain(k + 1);
            String name = join(chain);
            if (!name.equals(PolicyAllowList.PACKAGE)) {
                refuse(t.get(k + 1), name, "package " + name + " is not allowed in a policy file: rules live in package "
                        + PolicyAllowList.PACKAGE + ", with Régua's facts");
            }
            return chain.get(chain.size() - 1);
        }

        private int importDeclaration(int k) {
            if (k + 1 >= t.size() || t.get(k + 1).kind() != Kind.NAME) {
                return k;
            }
            Token first = t.get(k + 1);
            switch (first.text()) {
                case "static" -> {
                    refuse(first, "import static is not allowed in a policy file: name the class, e.g. DayOfWeek.MONDAY");
                    return restOfImport(k);
                }
                case "function" -> {
                    refuse(first, "import function is not allowed in a policy file: " + ONLY_DECIDE
                            + ", with the functions declared in the policy itself");
                    return restOfImport(k);
                }
                case "accumulate" -> {
                    refuse(first, "import accumulate is not allowed in a policy file: "
                            + "use sum, count, min, max, average, collectList or collectSet");
                    return restOfImport(k);
                }
                default -> {
                }
            }
            List<Integer> chain = chain(k + 1);
            int last = chain.get(chain.size() - 1);
            String name = join(chain);
            if (last + 2 < t.size() && t.get(last + 1).is(".") && t.get(last + 2).is("*")) {
                if (!PolicyAllowList.WILDCARD_IMPORTS.contains(name)) {
                    refuse(first, name + ".*", notAllowed(name + ".*"));
                }
                return last + 2;
            }
            if (!PolicyAllowList.isFullName(name)) {
                refuse(first, name, notAllowed(name));
            }
            return last;
        }

        /** An import that is refused whole: its other names need no problem of their own. */
        private int restOfImport(int k) {
            int line = t.get(k).line();
            int j = k + 1;
            while (j + 1 < t.size() && t.get(j + 1).line() == line && !t.get(j + 1).is(";")) {
                j++;
            }
            return j;
        }

        private int dialect(int k) {
            Token value = k + 1 < t.size() ? t.get(k + 1) : null;
            if (value != null && value.kind() == Kind.TEXT && value.text().strip().equals("java")) {
                return k + 1;
            }
            String written = value == null ? "" : value.kind() == Kind.TEXT ? "\"" + value.text() + "\"" : value.text();
            refuse(t.get(k), value == null ? "dialect" : value.text(), "dialect " + written + " is not allowed in a policy file: rules are written in the Java "
                    + "dialect, whose every name is checked");
            return value != null && value.kind() == Kind.TEXT ? k + 1 : k;
        }

        /** {@code new Fact(...) { ... }} would be a class of the rule's own, overriding what Régua calls. */
        private void anonymousClass(int k) {
            int end = Math.min(t.size(), k + TYPE_REACH);
            int j = k + 1;
            while (j < end && (t.get(j).kind() == Kind.NAME || t.get(j).is("."))) {
                j++;
            }
            if (j < end && t.get(j).is("<")) {
                j = afterTypeArguments(t, j, end);
            }
            if (j < end && t.get(j).is("(") && closing[j] > 0 && closing[j] + 1 < t.size() && t.get(closing[j] + 1).is("{")) {
                refuse(t.get(k), "anonymous classes (new ...() { }) are not allowed in a policy file: " + ONLY_DECIDE);
            }
        }

        private String join(List<Integer> chain) {
            StringBuilder name = new StringBuilder();
            for (int index : chain) {
                name.append(name.isEmpty() ? "" : ".").append(t.get(index).text());
            }
            return name.toString();
        }

        private void refuse(Token at, String message) {
            refuse(at, at.text(), message);
        }

        private void refuse(Token at, String text, String message) {
            problems.add(new Problem(at.line(), at.column(), text, message));
        }
    }

    // --- decision tables

    /**
     * Finds, in a decision table, the line where a problem of the DRL made from it was written.
     * Drools marks each generated rule with its row ({@code // rule values at A10, header at A5});
     * the table is read one line per row. The offending text is looked for in the rule's own row,
     * then in the rows that hold the table's code, then anywhere in the table.
     */
    static final class TableLines {

        private static final Pattern ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+), header at [A-Z]+(\\d+)");

        static int[] locate(String table, String drl, Problem p) {
            String[] tableLines = table.split("\r\n|\r|\n", -1);
            String[] drlLines = drl.split("\r\n|\r|\n", -1);
            int valueRow = 0;
            int headerRow = 0;
            for (int l = 0; l < Math.min(p.line(), drlLines.length); l++) {
                Matcher m = ROW.matcher(drlLines[l]);
                if (m.find()) {
                    valueRow = Integer.parseInt(m.group(1));
                    headerRow = Integer.parseInt(m.group(2));
                }
            }
            List<Integer> candidates = new ArrayList<>();
            if (valueRow > 0) {
                candidates.add(valueRow);
                for (int row = headerRow; row < valueRow; row++) {
                    candidates.add(row);
                }
            }
            for (int row = 1; row <= tableLines.length; row++) {
                candidates.add(row);
            }
            for (int row : candidates) {
                if (row >= 1 && row <= tableLines.length) {
                    int column = find(tableLines[row - 1], p.text());
                    if (column >= 0) {
                        return new int[] {row, column + 1};
                    }
                }
            }
            return new int[] {valueRow, 0};
        }

        /** Where {@code text} stands as a whole name (not inside a longer one), or -1. */
        private static int find(String line, String text) {
            boolean word = !text.isEmpty() && Character.isJavaIdentifierPart(text.codePointAt(text.length() - 1));
            for (int from = line.indexOf(text); from >= 0; from = line.indexOf(text, from + 1)) {
                int end = from + text.length();
                boolean startsWord = from == 0 || !Character.isJavaIdentifierPart(line.charAt(from - 1));
                boolean endsWord = end == line.length() || !Character.isJavaIdentifierPart(line.charAt(end));
                if (!word || (startsWord && endsWord)) {
                    return from;
                }
            }
            return -1;
        }
    }
}
