package br.com.regua.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The financial-education tips page, written by the business in a plain text file it can edit
 * ({@code regua.portal.tips-file}; read again on every visit, so an edit shows at once): the first
 * line is the title; blocks are separated by a blank line; a block is a paragraph, or a heading
 * followed by tips, one a line, each starting with {@code - }. The built-in file serves when none is set.
 */
@Component
public class Tips {

    private final PortalProperties properties;

    Tips(PortalProperties properties) {
        this.properties = properties;
    }

    /** A block of the page: a paragraph ({@code text}), or a list of tips under a heading. */
    public record Section(String heading, String text, List<String> items) {
    }

    public record Page(String title, List<Section> sections) {
    }

    public Page page() {
        return parse(text());
    }

    static Page parse(String text) {
        String[] lines = text.replace("\r", "").strip().split("\n", -1);
        List<Section> sections = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (int i = 1; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (!line.isEmpty()) {
                block.add(line);
                continue;
            }
            if (!block.isEmpty()) {
                List<String> items = block.stream().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).strip()).toList();
                String words = String.join(" ", block.stream().filter(l -> !l.startsWith("- ")).toList());
                sections.add(items.isEmpty() ? new Section(null, words, List.of())
                        : new Section(words.isEmpty() ? null : words, null, items));
                block.clear();
            }
        }
        return new Page(lines[0].strip(), List.copyOf(sections));
    }

    private String text() {
        try {
            if (properties.tipsFile() != null) {
                return Files.readString(properties.tipsFile(), StandardCharsets.UTF_8);
            }
            try (InputStream in = Tips.class.getResourceAsStream("/portal/dicas.txt")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
