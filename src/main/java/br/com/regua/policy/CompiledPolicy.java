package br.com.regua.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.drools.decisiontable.DecisionTableProviderImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * One set of policy files compiled into a Drools knowledge base, with the content hash that names
 * it. The set holds rule files (DRL and decision tables) and the credit managers' scenarios that
 * must pass before it may be activated. Immutable: a new policy is a new instance, swapped in whole.
 */
public final class CompiledPolicy {

    /** Where scenario files live within the set. */
    public static final String SCENARIOS = "scenarios/";

    private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z0-9_-]+/)?[A-Za-z0-9_.-]+");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    // a decision table names its package in its RuleSet cell
    private static final Pattern RULE_SET = Pattern.compile("^\"?RuleSet\"?[,;]\"?([\\w.]+)", Pattern.MULTILINE);

    private final KieBase kieBase;
    private final String version;
    private final int number;
    private final SortedMap<String, String> files;

    private CompiledPolicy(KieBase kieBase, String version, int number, SortedMap<String, String> files) {
        this.kieBase = kieBase;
        this.version = version;
        this.number = number;
        this.files = files;
    }

    /** Reads every rule and scenario file under {@code dir}. */
    public static CompiledPolicy fromDirectory(Path dir) {
        return compile(readDirectory(dir));
    }

    /** The policy files of a directory, name (relative, with {@code /}) → content. */
    public static SortedMap<String, String> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolicyCompilationException(List.of(new PolicyError(dir.toString(), 0, 0, "rules directory not found")));
        }
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (isPolicyFile(name)) {
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules directory " + dir, e);
        }
        return files;
    }

    /** Rule files ({@code .drl}, decision tables {@code .drl.csv}) and scenarios ({@code scenarios/*.csv}). */
    public static boolean isPolicyFile(String name) {
        return FILE_NAME.matcher(name).matches() && (isRuleFile(name) || isScenarioFile(name));
    }

    static boolean isRuleFile(String name) {
        return !name.startsWith(SCENARIOS) && (name.endsWith(".drl") || name.endsWith(".drl.csv"));
    }

    public static boolean isScenarioFile(String name) {
        return name.startsWith(SCENARIOS) && name.endsWith(".csv") && name.indexOf('/', SCENARIOS.length()) < 0;
    }

    /** Compiles the given files (name → content); throws with every error Drools reports. */
    public static CompiledPolicy compile(Map<String, String> sources) {
        return compile(sources, null);
    }

    /**
     * Compiles the given files, refusing as well every stage key they write that {@code stages} does
     * not know (null: keys are not checked, as for a version already stored).
     */
    public static CompiledPolicy compile(Map<String, String> sources, StageCatalog stages) {
        SortedMap<String, String> files = new TreeMap<>(sources);
        List<PolicyError> misnamed = files.keySet().stream().filter(name -> !isPolicyFile(name))
                .map(name -> new PolicyError(name, 0, 0,
                        "not a policy file: rules end in .drl or .drl.csv, scenarios are scenarios/<name>.csv"))
                .toList();
        if (!misnamed.isEmpty()) {
            throw new PolicyCompilationException(misnamed);
        }
        if (files.keySet().stream().noneMatch(CompiledPolicy::isRuleFile)) {
            throw new PolicyCompilationException(List.of(new PolicyError("rules", 0, 0, "no rule files")));
        }
        SortedMap<String, String> drl = new TreeMap<>();
        Map<String, String> tables = new HashMap<>();
        List<PolicyError> unreadable = new ArrayList<>();
        files.forEach((name, content) -> {
            if (isRuleFile(name) && name.endsWith(".drl.csv")) {
                tables.put(name, content);
                try {
                    drl.put(name, tableToDrl(content));
                } catch (RuntimeException e) {
                    unreadable.add(new PolicyError(name, 0, 0, "the decision table cannot be read: " + e.getMessage()));
                }
            } else if (isRuleFile(name)) {
                drl.put(name, content);
            }
        });
        if (!unreadable.isEmpty()) {
            throw new PolicyCompilationException(unreadable);
        }
        // before Drools sees a line of it: a policy file may decide, never act
        List<PolicyError> refused = PolicyFileCheck.check(drl, tables);
        if (refused.isEmpty() && stages != null) {
            refused = PolicyFileCheck.unknownStages(drl, tables, stages);
        }
        if (!refused.isEmpty()) {
            throw new PolicyCompilationException(refused);
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // written under their package's path, as Drools expects; errors name the file as the user knows it.
        // A decision table goes in as the DRL that was checked, so that what runs is what was checked.
        Map<String, String> userNames = new HashMap<>();
        drl.forEach((name, content) -> {
            String path = packagePath(name, files.get(name)) + name.replace('/', '_') + (tables.containsKey(name) ? ".drl" : "");
            userNames.put(path, name);
            kfs.write("src/main/resources/" + path, content);
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        Results results = builder.getResults();
        if (results.hasMessages(Message.Level.ERROR)) {
            List<PolicyError> errors = new ArrayList<>();
            for (Message m : results.getMessages(Message.Level.ERROR)) {
                String reported = m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", "");
                String path = userNames.getOrDefault(reported, reported);
                errors.add(new PolicyError(path, m.getLine(), m.getColumn(), m.getText()));
            }
            throw new PolicyCompilationException(errors);
        }
        KieBase kieBase = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
        return new CompiledPolicy(kieBase, hash(files), 0, files);
    }

    /** The same compiled policy, known as stored version {@code n}. */
    public CompiledPolicy numbered(int n) {
        return new CompiledPolicy(kieBase, version, n, files);
    }

    /** The DRL Drools makes of a decision table ({@code .drl.csv}), as its own builder would make it. */
    static String tableToDrl(String csv) {
        DecisionTableConfiguration configuration = KnowledgeBuilderFactory.newDecisionTableConfiguration();
        configuration.setInputType(DecisionTableInputType.CSV);
        // a resource without a path: the provider caches tables by path, and an edited table must be read again
        String drl = new DecisionTableProviderImpl().loadFromResource(
                ResourceFactory.newByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)), configuration);
        return drl == null ? "" : drl;
    }

    private static String packagePath(String name, String content) {
        Matcher m = (name.endsWith(".drl.csv") ? RULE_SET : PACKAGE).matcher(content);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    /** Short SHA-256 of names and contents: the same files always give the same hash. */
    public static String hash(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** Short content hash of the files: the same files always give the same version. */
    public String version() {
        return version;
    }

    /** The stored version's number, or 0 for a policy compiled but never stored (tests, candidates). */
    public int number() {
        return number;
    }

    public SortedMap<String, String> files() {
        return files;
    }

    /** The names of every rule in the knowledge base, for coverage checks. */
    public List<String> ruleNames() {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).sorted().toList();
    }
}
