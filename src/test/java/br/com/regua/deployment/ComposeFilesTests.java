package br.com.regua.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.monitoring.GaugeRefresher;
import br.com.regua.security.Role;
import br.com.regua.support.PrometheusText;
import br.com.regua.support.ReguaSpringTests;

/**
 * The files of {@code docker/} as Docker Compose, Prometheus and Grafana would read them (no Docker
 * engine needed): they parse, they fit together, and the dashboard asks only for metrics the server
 * really exports. That the environment is enough for the server to start is
 * {@link ComposeEnvironmentPostgresIntegrationTests}.
 */
class ComposeFilesTests extends ReguaSpringTests {

    @Autowired
    GaugeRefresher gauges;

    private static final Path PROMETHEUS = ComposeFile.DIR.resolve("prometheus/prometheus.yml");
    private static final Path DATASOURCE = ComposeFile.DIR.resolve("grafana/provisioning/datasources/prometheus.yml");
    private static final Path DASHBOARDS = ComposeFile.DIR.resolve("grafana/provisioning/dashboards/regua.yml");
    private static final Path DASHBOARD = ComposeFile.DIR.resolve("grafana/dashboards/regua.json");

    @Test
    void composeRunsTwoNodesOfOneImageWithTheDatabaseMailPrometheusAndGrafana() throws Exception {
        ComposeFile compose = ComposeFile.read();
        assertThat(compose.services()).containsOnlyKeys("postgres", "mailpit", "regua-1", "regua-2", "prometheus", "grafana");
        Map<String, String> variables = ComposeFile.readEnv(ComposeFile.ENV_EXAMPLE);
        assertThat(compose.environment("regua-2", variables)).isEqualTo(compose.environment("regua-1", variables));
        assertThat(compose.services().get("regua-1").get("build")).isEqualTo(Map.of("context", "..", "dockerfile", "docker/Dockerfile"));
        assertThat(compose.services().get("regua-2").get("image")).isEqualTo(compose.services().get("regua-1").get("image"));
        // both nodes racing to create the schema of a new database is not what this file is for
        assertThat(compose.services().get("regua-2").get("depends_on"))
                .isEqualTo(Map.of("regua-1", Map.of("condition", "service_healthy")));
    }

    @Test
    void everySettingComposeRequiresIsInTheExampleEnvironmentAndNothingStartsWithoutIt() throws Exception {
        ComposeFile compose = ComposeFile.read();
        Map<String, String> variables = ComposeFile.readEnv(ComposeFile.ENV_EXAMPLE);
        for (String service : compose.services().keySet()) {
            compose.environment(service, variables); // a required variable missing throws
        }
        Map<String, String> regua = compose.environment("regua-1", variables);
        assertThat(regua).containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("REGUA_CONTACT_EMAIL_FROM", variables.get("REGUA_CONTACT_EMAIL_FROM"));
        Map<String, String> withoutFrom = new HashMap<>(variables);
        withoutFrom.remove("REGUA_CONTACT_EMAIL_FROM");
        assertThatThrownBy(() -> compose.environment("regua-1", withoutFrom)).hasMessageContaining("REGUA_CONTACT_EMAIL_FROM");
    }

    @Test
    void theImageIsBuiltWithTheWrapperAndRunsAsAUserWithAHealthCheck() throws Exception {
        String dockerfile = Files.readString(ComposeFile.DIR.resolve("Dockerfile"));
        assertThat(dockerfile).contains("RUN ./mvnw ");
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).containsPattern("\\nUSER (?!root)\\w+").containsPattern("\\nHEALTHCHECK .*\\n?.*/actuator/health");
    }

    @Test
    void prometheusScrapesBothNodesAsTheMonitoringUserWithItsPasswordAsASecret() throws Exception {
        ComposeFile compose = ComposeFile.read();
        Map<String, Object> config = new Yaml().load(Files.readString(PROMETHEUS));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(job.toString()).contains("regua-1:8080", "regua-2:8080");
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) job.get("basic_auth");
        Map<String, String> regua = compose.environment("regua-1", ComposeFile.readEnv(ComposeFile.ENV_EXAMPLE));
        assertThat(auth.get("username")).isEqualTo(regua.get("REGUA_MONITORING_USER"));
        assertThat(auth.get("password_file")).isEqualTo("/run/secrets/regua_monitoring_password");
        assertThat(compose.services().get("prometheus").get("secrets")).isEqualTo(List.of("regua_monitoring_password"));
        assertThat(compose.top().get("secrets").toString()).contains("regua_monitoring_password={environment=REGUA_MONITORING_PASSWORD}");
        assertThat(compose.services().get("prometheus").get("volumes").toString())
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaLoadsTheDashboardOverTheProvisionedPrometheus() throws Exception {
        ComposeFile compose = ComposeFile.read();
        Map<String, Object> datasources = new Yaml().load(Files.readString(DATASOURCE));
        String uid = datasources.get("datasources").toString().replaceAll(".*uid=([^,}]+).*", "$1");
        assertThat(uid).isEqualTo("prometheus");
        Map<String, Object> providers = new Yaml().load(Files.readString(DASHBOARDS));
        assertThat(providers.toString()).contains("path=/var/lib/grafana/dashboards");
        assertThat(compose.services().get("grafana").get("volumes").toString())
                .contains("./grafana/dashboards:/var/lib/grafana/dashboards", "./grafana/provisioning:/etc/grafana/provisioning");
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo(uid);
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
        }
    }

    @Test
    void everyMetricTheDashboardAsksForIsExportedByTheServer() throws Exception {
        // a case registered and one step run, so the step timers exist
        setClock("2026-03-10T10:00:00-03:00");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = as(Role.INTEGRATION).postForEntity("/api/receivables", new HttpEntity<>("""
                {"externalId": "dashboard-1",
                 "customer": {"externalId": "cust-dashboard-1", "name": "Maria da Silva", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "maria@example.com", "state": "SP"},
                 "amount": "800.00", "issueDate": "2026-03-01", "dueDate": "2026-03-20"}""", headers), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(fireNextTimer(caseOf("dashboard-1").getId())).isTrue();
        gauges.countNow();

        ResponseEntity<String> scrape = as(Role.MONITORING).getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        Set<String> exported = PrometheusText.parse(scrape.getBody()).names();

        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : new ObjectMapper().readTree(Files.readString(DASHBOARD)).get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                asked.addAll(metricNames(target.get("expr").asText()));
            }
        }
        assertThat(asked).contains("regua_cases", "regua_steps_seconds_count", "regua_steps_seconds_bucket",
                "regua_decisions_seconds_count", "regua_decisions_seconds_bucket", "regua_contacts_deliveries_total", "regua_contacts",
                "regua_contacts_due", "regua_contacts_oldest_due_age_seconds", "regua_jobs_due", "regua_jobs_oldest_due_age_seconds", "regua_job_executor_total", "regua_jobs_failed", "regua_incidents",
                "regua_policy_active_version", "regua_logins_failed_total");
        // "up" is Prometheus's own: whether it reached the target
        asked.remove("up");
        assertThat(exported).containsAll(asked);
    }

    @Test
    void metricNamesAreReadFromAQueryWithoutItsFunctionsLabelsAndGroupings() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(regua_steps_seconds_bucket{outcome=\"x\"}[5m])))"))
                .containsExactly("regua_steps_seconds_bucket");
        assertThat(metricNames("max by (channel, status) (regua_contacts) / on (instance) up{job=\"regua\"}"))
                .containsExactlyInAnyOrder("regua_contacts", "up");
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "inf", "nan");

    /** The metric names a PromQL expression reads: what is left once strings, label matchers, ranges, groupings and functions are taken out. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            String token = m.group();
            String rest = s.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }
}
