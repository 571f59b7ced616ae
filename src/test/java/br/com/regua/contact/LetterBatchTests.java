package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import br.com.regua.policy.Channel;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * The embedded default, with no print-and-post provider: the worker puts each letter into the day's
 * batch, and whoever posts them downloads it as one ZIP (a PDF per letter and a CSV manifest).
 */
class LetterBatchTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    ContactService contacts;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    JdbcClient jdbc;

    private long priorNoticeLetter(NewReceivable r) {
        setClock("2026-04-22T10:00:00-03:00");
        receivables.register(r);
        walkUntilPassed(caseOf(r.externalId()).getId(), "Task_SendBureauPriorNotice", 20);
        return contacts.forReceivable(receivables.get(r.externalId()).id()).stream()
                .filter(c -> c.channel() == Channel.LETTER && "BUREAU_PRIOR_NOTICE".equals(c.stage())).findFirst().orElseThrow().id();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void theDaysLettersComeAsOneZipWithAPdfEachAndAManifestAndAgainTheSame() throws Exception {
        long first = priorNoticeLetter(LetterScenarios.byLetter("batch-1", LetterScenarios.ADDRESS));
        long second = priorNoticeLetter(LetterScenarios.byLetter("batch-2", LetterScenarios.ADDRESS));

        worker.deliverDue();

        assertThat(jdbc.sql("select status || ' ' || provider_id from contact where id in (?, ?)").params(first, second)
                .query(String.class).list()).containsOnly("SENT LOTE-2026-04-22");
        ResponseEntity<byte[]> batch = as(Role.INTEGRATION).getForEntity("/api/letters/batch?date=2026-04-22", byte[].class);
        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(batch.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
        Map<String, byte[]> files = unzip(batch.getBody());
        List<String> manifest = new String(files.get("manifest.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(manifest.get(0)).isEqualTo("contact_id,receivable,debtor,address,stage,file");
        List<String> ours = new ArrayList<>(manifest.stream().filter(l -> l.contains(",batch-")).toList());
        assertThat(ours).containsExactly(
                first + ",batch-1,Maria da Silva,\"Rua das Flores, 123 - apto 45, Jardim Paulista - São Paulo/SP, CEP 01310-100\","
                        + "BUREAU_PRIOR_NOTICE,carta-" + first + ".pdf",
                second + ",batch-2,Maria da Silva,\"Rua das Flores, 123 - apto 45, Jardim Paulista - São Paulo/SP, CEP 01310-100\","
                        + "BUREAU_PRIOR_NOTICE,carta-" + second + ".pdf");
        assertThat(files.keySet().stream().filter(f -> f.endsWith(".pdf"))).hasSize(manifest.size() - 1);
        assertThat(LetterScenarios.text(files.get("carta-" + first + ".pdf"))).contains("Maria da Silva", "CEP 01310-100", "art. 43");

        // a download lost on the way is made again: the same letters
        assertThat(unzip(as(Role.INTEGRATION).getForObject("/api/letters/batch?date=2026-04-22", byte[].class)).keySet())
                .isEqualTo(files.keySet());
        assertThat(unzip(as(Role.INTEGRATION).getForObject("/api/letters/batch?date=2026-04-21", byte[].class)))
                .doesNotContainKey("carta-" + first + ".pdf");
    }

    @Test
    void aBatchWithoutAReadableDateIsRefusedNamingTheField() {
        for (String query : List.of("", "?date=", "?date=22/04/2026")) {
            ResponseEntity<String> refused = as(Role.INTEGRATION).getForEntity("/api/letters/batch" + query, String.class);
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(query).contains("\"field\":\"date\"");
        }
    }
}
