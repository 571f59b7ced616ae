package br.com.regua.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import br.com.regua.policy.Segment;
import br.com.regua.policy.StageKeys;

/**
 * The Portuguese message templates, found by key: a stage's key ({@code FORMAL_NOTICE}) or a
 * message's own ({@code AGREEMENT_INSTALLMENT_REMINDER}). The first line is the subject, the rest
 * the body, {@code {{name}}} a value. A missing value is an error, never a blank in a message a
 * debtor reads. {@code KEY.SEGMENT.txt}, where it exists, sets the tone for that segment (a good
 * payer is not written to as a risky one); {@code KEY.txt} serves the rest.
 * <p>
 * The built-in templates are on the class path; a templates directory
 * ({@code regua.contact.templates-dir}) adds to and overrides them, so a stage added to the
 * process needs no new build. A template found is kept; one not found is looked for again in the
 * directory, but not on the class path, which cannot change while the server runs (most keys have no
 * segment's own template, and the class path was read for it again on every message).
 */
@Component
public class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String FOOTER = "footer";

    private final Path dir;
    private final Map<String, String> found = new ConcurrentHashMap<>();
    private static final Map<String, Optional<String>> CLASS_PATH = new ConcurrentHashMap<>();

    /** The built-in templates only. */
    public Templates() {
        this((Path) null);
    }

    @Autowired
    public Templates(ContactProperties properties) {
        this(properties.templatesDir());
    }

    public Templates(Path dir) {
        this.dir = dir;
        if (load(FOOTER).isEmpty()) {
            throw new IllegalStateException("the message templates have no footer.txt");
        }
    }

    /** A rendered message. */
    public record Message(String subject, String body) {
    }

    /** Whether there is a template for {@code key} (in any tone). */
    public boolean exists(String key) {
        return load(key).isPresent();
    }

    public Message render(String key, Map<String, String> values) {
        return render(key, null, values);
    }

    /** The message of {@code key} in the segment's tone, when the segment has its own template. */
    public Message render(String key, Segment segment, Map<String, String> values) {
        String template = (segment == null ? Optional.<String>empty() : load(key + "." + segment.name()))
                .or(() -> load(key))
                .orElseThrow(() -> new IllegalArgumentException("no message template " + key));
        String text = fill(template.replace("{{rodape}}", load(FOOTER).orElseThrow().strip()), values, key);
        int newline = text.indexOf('\n');
        return new Message(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
    }

    private static String fill(String template, Map<String, String> values, String key) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("template " + key + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Optional<String> load(String name) {
        String known = found.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> template = fromDirectory(name).or(() -> CLASS_PATH.computeIfAbsent(name, Templates::fromClassPath));
        template.ifPresent(t -> found.put(name, t));
        return template;
    }

    private Optional<String> fromDirectory(String name) {
        // a key never reaches the file system unless it is a key: no path can be made of one
        if (dir == null || !(StageKeys.FORM.matcher(name.replace('.', '_')).matches() || FOOTER.equals(name))) {
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
        try (InputStream in = Templates.class.getResourceAsStream("/contact-templates/" + name + ".txt")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
