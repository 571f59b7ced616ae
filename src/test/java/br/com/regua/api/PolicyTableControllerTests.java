package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import br.com.regua.config.JsonConfig;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyStore;
import br.com.regua.policy.PolicyTables;
import br.com.regua.policy.PolicyVersion;
import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.policy.StageCatalog;
import br.com.regua.security.Role;
import br.com.regua.security.SecuritySlice;
import br.com.regua.support.ProcessStages;

/**
 * The decision tables' HTTP layer over two stored versions of the live policy's files: a grid with
 * its types, a bad cell refused at its cell, a good grid written as the CSV text, a spreadsheet
 * edited outside read back, and the cells one version changed.
 */
@WebMvcTest(PolicyTableController.class)
@Import({SecuritySlice.class, JsonConfig.class, PolicyTables.class})
class PolicyTableControllerTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc http;
    @MockitoBean
    PolicyWorkbench workbench;
    @MockitoBean
    PolicyStore store;
    @MockitoBean
    StageCatalog stages;

    String grace;

    @BeforeEach
    void twoVersionsTheSecondGivingGoodPayersSevenDays() throws Exception {
        grace = Files.readString(Path.of("rules/grace.drl.csv"));
        TreeMap<String, String> first = new TreeMap<>();
        first.put("grace.drl.csv", grace);
        first.put("compliance.drl.csv", Files.readString(Path.of("rules/compliance.drl.csv")));
        first.put("grace.drl", "package br.com.regua.policy;");
        TreeMap<String, String> second = new TreeMap<>(first);
        second.put("grace.drl.csv", grace.replace("GOOD_PAYER,5", "GOOD_PAYER,7")
                .replace("Risky customers get no grace,RISKY,0\n", ""));
        OffsetDateTime at = OffsetDateTime.parse("2026-03-10T10:00:00-03:00");
        when(store.version(1)).thenReturn(Optional.of(new PolicyVersion(1, "h1", "ana", "first", at, false, at, first)));
        when(store.version(2)).thenReturn(Optional.of(new PolicyVersion(2, "h2", "ana", "second", at, true, at, second)));
        CompiledPolicy active = mock(CompiledPolicy.class);
        when(active.number()).thenReturn(1);
        when(workbench.active()).thenReturn(active);
        when(stages.stages()).thenReturn(ProcessStages.collection().stages());
    }

    @Test
    void aTableFileReadsAsAGridWithTypesAndOptions() throws Exception {
        http.perform(get("/api/policy/tables/grace.drl.csv").with(ReceivableControllerTests.as(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.tables[0].name").value("Grace"))
                .andExpect(jsonPath("$.tables[0].columns[1].type").value("SEGMENT"))
                .andExpect(jsonPath("$.tables[0].columns[1].options[0]").value("NEW_CUSTOMER"))
                .andExpect(jsonPath("$.tables[0].columns[2].type").value("DAYS"))
                .andExpect(jsonPath("$.tables[0].columns[2].header").value("Grace days"))
                .andExpect(jsonPath("$.tables[0].columns[2].typeLabel").value("days"))
                .andExpect(jsonPath("$.tables[0].rows[0].cells[2]").value("5"));
        http.perform(get("/api/policy/tables/compliance.drl.csv?version=2").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.tables[3].columns[3].type").value("TIME"));
    }

    @Test
    void aDrlFileOrAMissingOneIsNoGrid() throws Exception {
        http.perform(get("/api/policy/tables/grace.drl").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"));
        http.perform(get("/api/policy/tables/nothing.drl.csv").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void badCellsAreRefusedEachAtItsCellAndAGoodGridWritesItsText() throws Exception {
        ObjectNode body = gridOf("grace.drl.csv");
        ArrayNode rows = (ArrayNode) body.get("tables").get(0).get("rows");
        ((ArrayNode) rows.get(0).get("cells")).set(2, "-2");
        ((ArrayNode) rows.get(2).get("cells")).set(1, "VIP");
        http.perform(post("/api/policy/tables/grace.drl.csv/check").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tables[0].rows[0].cells[2]"))
                .andExpect(jsonPath("$.errors[0].message").value("Grace days: days cannot be negative"))
                .andExpect(jsonPath("$.errors[1].field").value("tables[0].rows[2].cells[1]"));

        ((ArrayNode) rows.get(0).get("cells")).set(2, "7");
        ((ArrayNode) rows.get(2).get("cells")).set(1, "NEW_CUSTOMER");
        String text = http.perform(post("/api/policy/tables/grace.drl.csv/check").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(text).get("text").asText()).isEqualTo(grace.replace("GOOD_PAYER,5", "GOOD_PAYER,7"));
    }

    @Test
    void theTextAsThePageHasItGivesItsGridAndKeepsItsNotesWhenTheGridIsWritten() throws Exception {
        String edited = grace.replace("GRACE — how many", "GRACE (reviewed) — how many");
        ObjectNode body = JSON.createObjectNode().put("text", edited);
        String grid = http.perform(post("/api/policy/tables/grace.drl.csv/check").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables[0].rows[3].cells[1]").value("RISKY"))
                .andReturn().getResponse().getContentAsString();
        ArrayNode rows = (ArrayNode) JSON.readTree(grid).get("tables").get(0).get("rows");
        ((ArrayNode) rows.get(3).get("cells")).set(2, "1");
        body.set("tables", JSON.createArrayNode().add(JSON.createObjectNode().set("rows", rows)));
        http.perform(post("/api/policy/tables/grace.drl.csv/check").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER))
                        .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(edited.replace("RISKY,0", "RISKY,1")));
    }

    @Test
    void onlyACreditManagerChecksAGrid() throws Exception {
        http.perform(post("/api/policy/tables/grace.drl.csv/check").with(ReceivableControllerTests.as(Role.ANALYST))
                        .contentType(MediaType.APPLICATION_JSON).content(gridOf("grace.drl.csv").toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSpreadsheetEditedInExcelComesBackAsTheSameCsvWithItsChange() throws Exception {
        byte[] downloaded = http.perform(get("/api/policy/tables/grace.drl.csv/xlsx").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"grace.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] edited;
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(downloaded)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            Row goodPayers = sheet.getRow(8);
            assertThat(goodPayers.getCell(0).getStringCellValue()).isEqualTo("Good payers get days of grace");
            goodPayers.getCell(2).setCellValue(7d); // typed as a number, as Excel keeps it
            sheet.getRow(9).getCell(2).setCellValue(2d); // the same value as a number: the file keeps its text
            book.write(out);
            edited = out.toByteArray();
        }
        http.perform(multipart("/api/policy/tables/grace.drl.csv/xlsx").file(new MockMultipartFile("file", "grace.xlsx",
                        PolicyTableController.XLSX, edited)).with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(grace.replace("GOOD_PAYER,5", "GOOD_PAYER,7")));
    }

    @Test
    void aSpreadsheetWithABadCellIsRefusedAtThatCell() throws Exception {
        byte[] downloaded = http.perform(get("/api/policy/tables/grace.drl.csv/xlsx").with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] edited;
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(downloaded)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getSheetAt(0).getRow(10).getCell(1).setCellValue("VIP");
            book.write(out);
            edited = out.toByteArray();
        }
        http.perform(multipart("/api/policy/tables/grace.drl.csv/xlsx").file(new MockMultipartFile("file", "grace.xlsx",
                        PolicyTableController.XLSX, edited)).with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tables[0].rows[2].cells[1]"));
        byte[] cut;
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(downloaded)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getSheetAt(0).shiftRows(10, 11, 1); // a blank row between regular and new customers
            book.write(out);
            cut = out.toByteArray();
        }
        http.perform(multipart("/api/policy/tables/grace.drl.csv/xlsx").file(new MockMultipartFile("file", "grace.xlsx",
                        PolicyTableController.XLSX, cut)).with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("row 12 of the spreadsheet is in no table: a blank row ends a table,"
                        + " so delete the blank row above it (or the row itself)"));
        http.perform(multipart("/api/policy/tables/grace.drl.csv/xlsx").file(new MockMultipartFile("file", "grace.xlsx",
                        PolicyTableController.XLSX, "not a spreadsheet".getBytes())).with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void theDiffOfTwoVersionsNamesTheChangedCellAndTheRemovedRow() throws Exception {
        http.perform(get("/api/policy/versions/2/tables/grace.drl.csv/diff").with(ReceivableControllerTests.as(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.against").value(1))
                .andExpect(jsonPath("$.tables[0].changed.length()").value(1))
                .andExpect(jsonPath("$.tables[0].changed[0].rule").value("Good payers get days of grace"))
                .andExpect(jsonPath("$.tables[0].changed[0].header").value("Grace days"))
                .andExpect(jsonPath("$.tables[0].changed[0].before").value("5"))
                .andExpect(jsonPath("$.tables[0].changed[0].after").value("7"))
                .andExpect(jsonPath("$.tables[0].added.length()").value(0))
                .andExpect(jsonPath("$.tables[0].removed[0].cells[0]").value("Risky customers get no grace"));
        http.perform(get("/api/policy/versions/1/tables/grace.drl.csv/diff").with(ReceivableControllerTests.as(Role.ANALYST)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("against"));
    }

    ObjectNode gridOf(String file) throws Exception {
        String grid = http.perform(get("/api/policy/tables/" + file).with(ReceivableControllerTests.as(Role.CREDIT_MANAGER)))
                .andReturn().getResponse().getContentAsString();
        ObjectNode body = JSON.createObjectNode();
        body.set("tables", JSON.readTree(grid).get("tables"));
        return body;
    }
}
