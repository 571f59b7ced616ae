package br.com.regua.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yml} read as Docker Compose reads it: YAML with anchors, then each value's
 * {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?error}} taken from the operator's
 * variables ({@code docker/.env}; here {@code docker/.env.example}).
 */
final class ComposeFile {

    static final Path DIR = Path.of("docker");
    static final Path COMPOSE = DIR.resolve("compose.yml");
    static final Path ENV_EXAMPLE = DIR.resolve(".env.example");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> yaml;

    private ComposeFile(Map<String, Object> yaml) {
        this.yaml = yaml;
    }

    static ComposeFile read() throws IOException {
        return new ComposeFile(new Yaml().load(Files.readString(COMPOSE)));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) yaml.get("services");
    }

    Map<String, Object> top() {
        return yaml;
    }

    /** A service's environment with every variable replaced from {@code variables}. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service, Map<String, String> variables) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object raw = services().get(service).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v), variables)));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                environment.put(kv[0], kv.length > 1 ? interpolate(kv[1], variables) : variables.getOrDefault(kv[0], ""));
            }
        }
        return environment;
    }

    /** Compose's interpolation: a required variable that is unset or empty is an error, as compose would refuse to start. */
    static String interpolate(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value.replace("$$", "\u0000"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String operator = m.group(2);
            String argument = m.group(3);
            String set = variables.get(name);
            boolean emptyCounts = operator != null && operator.startsWith(":");
            boolean missing = set == null || (emptyCounts && set.isEmpty());
            String replacement;
            if (operator == null) {
                replacement = set == null ? "" : set;
            } else if (operator.endsWith("-")) {
                replacement = missing ? argument : set;
            } else {
                if (missing) {
                    throw new IllegalArgumentException("compose refuses to start: " + name + ": " + argument);
                }
                replacement = set;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("\u0000", "$");
    }

    /** {@code NAME=value} lines; {@code #} starts a comment line. */
    static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String[] kv = line.split("=", 2);
            variables.put(kv[0].trim(), kv.length > 1 ? kv[1] : "");
        }
        return variables;
    }
}
