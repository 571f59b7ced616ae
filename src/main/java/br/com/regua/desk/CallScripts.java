package br.com.regua.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import br.com.regua.policy.Segment;
import br.com.regua.policy.StageKeys;

/**
 * The collectors' approach scripts, found as the message templates are: by the stage's key
 * ({@code COLLECTOR_CALL.txt}), in the segment's tone where one exists ({@code COLLECTOR_CALL.RISKY.txt}),
 * else {@code DEFAULT.txt}. The built-in scripts are on the class path ({@code call-scripts/}); the
 * scripts directory ({@code regua.desk.scripts-dir}) adds to and overrides them. {@code {{name}}} is a
 * value; one the desk does not know stays as written, so a manager's typo shows instead of failing the call.
 */
@Component
public class CallScripts {

    static final String DEFAULT = "DEFAULT";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Path dir;

    public CallScripts(DeskProperties properties) {
        this.dir = properties.scriptsDir();
        if (load(DEFAULT).isEmpty()) {
            throw new IllegalStateException("the call scripts have no " + DEFAULT + ".txt");
        }
    }

    /** The script for a call at {@code stage} to a debtor of {@code segment}, filled with {@code values}. */
    public String render(String stage, Segment segment, Map<String, String> values) {
        String script = Optional.ofNullable(stage).flatMap(s -> segment == null ? Optional.<String>empty() : load(s + "." + segment.name()))
                .or(() -> Optional.ofNullable(stage).flatMap(this::load))
                .or(() -> load(DEFAULT))
                .orElseThrow();
        Matcher m = PLACEHOLDER.matcher(script);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private Optional<String> load(String name) {
        return fromDirectory(name).or(() -> fromClassPath(name));
    }

    private Optional<String> fromDirectory(String name) {
        // only a key reaches the file system: no path can be made of one
        if (dir == null || !StageKeys.FORM.matcher(name.replace('.', '_')).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name + ".txt");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> fromClassPath(String name) {
        if (!StageKeys.FORM.matcher(name.replace('.', '_')).matches()) {
            return Optional.empty();
        }
        try (InputStream in = CallScripts.class.getResourceAsStream("/call-scripts/" + name + ".txt")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
