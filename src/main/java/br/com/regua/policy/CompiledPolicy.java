package br.com.regua.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;

/**
 * One set of policy files compiled into a Drools knowledge base, with the content hash that names
 * the version. Immutable: a new policy is a new instance, swapped in whole.
 */
public final class CompiledPolicy {

    private final KieBase kieBase;
    private final String version;
    private final SortedMap<String, String> files;

    private CompiledPolicy(KieBase kieBase, String version, SortedMap<String, String> files) {
        this.kieBase = kieBase;
        this.version = version;
        this.files = files;
    }

    /** Reads every {@code .drl} and {@code .drl.csv/.xls/.xlsx} file under {@code dir}. */
    public static CompiledPolicy fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PolicyCompilationException(List.of(new PolicyError(dir.toString(), 0, 0, "rules directory not found")));
        }
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).filter(CompiledPolicy::isPolicyFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules directory " + dir, e);
        }
        return compile(files);
    }

    static boolean isPolicyFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".drl.csv");
    }

    /** Compiles the given files (name → content); throws with every error Drools reports. */
    public static CompiledPolicy compile(Map<String, String> sources) {
        if (sources.isEmpty()) {
            throw new PolicyCompilationException(List.of(new PolicyError("rules", 0, 0, "no policy files")));
        }
        SortedMap<String, String> files = new TreeMap<>(sources);
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // written under their package's path, as Drools expects; errors name the file as the user knows it
        Map<String, String> userNames = new java.util.HashMap<>();
        files.forEach((name, content) -> {
            String path = packagePath(content) + name.replace('/', '_');
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
        return new CompiledPolicy(kieBase, hash(files), files);
    }

    private static final java.util.regex.Pattern PACKAGE =
            java.util.regex.Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", java.util.regex.Pattern.MULTILINE);

    private static String packagePath(String content) {
        java.util.regex.Matcher m = PACKAGE.matcher(content);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
    }

    private static String hash(SortedMap<String, String> files) {
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

    public SortedMap<String, String> files() {
        return files;
    }
}
