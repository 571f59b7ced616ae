package br.com.regua.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import br.com.regua.policy.Segment;
import br.com.regua.policy.Stage;

/**
 * The Portuguese message templates, one per stage that speaks to the debtor: the first line is
 * the subject, the rest the body, {@code {{name}}} a value. A missing value is an error, never a
 * blank in a message a debtor reads. {@code STAGE.SEGMENT.txt}, where it exists, sets the tone for
 * that segment (a good payer is not written to as a risky one); {@code STAGE.txt} serves the rest.
 */
@Component
public class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Map<Stage, String> byStage = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<Segment, String>> bySegment = new EnumMap<>(Stage.class);
    private final String footer;

    public Templates() {
        for (Stage stage : Stage.values()) {
            load(stage.name()).ifPresent(t -> byStage.put(stage, t));
            for (Segment segment : Segment.values()) {
                load(stage.name() + "." + segment.name())
                        .ifPresent(t -> bySegment.computeIfAbsent(stage, s -> new EnumMap<>(Segment.class)).put(segment, t));
            }
        }
        this.footer = load("footer").orElseThrow(() -> new IllegalStateException("contact-templates/footer.txt is missing"));
    }

    /** A rendered message. */
    public record Message(String subject, String body) {
    }

    public boolean speaksAt(Stage stage) {
        return byStage.containsKey(stage);
    }

    public Message render(Stage stage, Map<String, String> values) {
        return render(stage, null, values);
    }

    /** The stage's message in the segment's tone, when the segment has its own template. */
    public Message render(Stage stage, Segment segment, Map<String, String> values) {
        String template = segment == null ? null : bySegment.getOrDefault(stage, Map.of()).get(segment);
        if (template == null) {
            template = byStage.get(stage);
        }
        if (template == null) {
            throw new IllegalArgumentException("no template for stage " + stage);
        }
        String text = fill(template.replace("{{rodape}}", footer.strip()), values, stage);
        int newline = text.indexOf('\n');
        return new Message(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
    }

    /**
     * Renders a template that belongs to no stage of the schedule (e.g. an agreement's installment
     * reminder), from {@code contact-templates/<name>.txt}, with the same footer and rules.
     */
    public Message render(String name, Map<String, String> values) {
        String template = load(name).orElseThrow(() -> new IllegalArgumentException("no template " + name));
        String text = fill(template.replace("{{rodape}}", footer.strip()), values, name);
        int newline = text.indexOf('\n');
        return new Message(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
    }

    private static String fill(String template, Map<String, String> values, Object stage) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("template " + stage + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/contact-templates/" + name + ".txt")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
