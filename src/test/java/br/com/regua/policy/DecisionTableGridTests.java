package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import br.com.regua.support.ProcessStages;
import org.junit.jupiter.api.Test;

/** A decision table file as a grid a credit manager edits, and back to the file Drools reads. */
class DecisionTableGridTests {

    static final List<String> STAGES = ProcessStages.collection().stages().stream().map(StageCatalog.StageInfo::key).toList();

    @Test
    void everyTableFileOfBothPoliciesWritesBackByteForByteWhenNothingChanged() throws IOException {
        List<Path> files = tableFiles(Path.of("rules"));
        files.addAll(tableFiles(Path.of("src/test/resources/test-rules")));
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            DecisionTables.Grid grid = DecisionTables.read(file.getFileName().toString(), text, STAGES);
            assertThat(grid.tables()).as(file.toString()).isNotEmpty();
            assertThat(DecisionTables.write(text, grid)).as(file.toString()).isEqualTo(text);
            assertThat(DecisionTables.check(grid, text, STAGES)).as(file.toString()).isEmpty();
            assertThat(DecisionTables.strayLines(text)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void everyColumnOfEveryTableOfThePolicyHasAKnownType() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path file : tableFiles(Path.of("rules"))) {
            DecisionTables.Grid grid = DecisionTables.read(file.getFileName().toString(), Files.readString(file), STAGES);
            for (DecisionTables.Table table : grid.tables()) {
                for (DecisionTables.Column column : table.columns()) {
                    if (column.type() == ColumnType.UNKNOWN) {
                        unknown.add(file.getFileName() + " / " + table.name() + " / " + column.header() + ": " + column.template());
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theGraceTableReadsAsSegmentsAndDays() throws IOException {
        DecisionTables.Grid grid = grace();
        DecisionTables.Table table = grid.tables().get(0);
        assertThat(table.name()).isEqualTo("Grace");
        assertThat(table.columns()).extracting(DecisionTables.Column::header).containsExactly("Rule", "Segment", "Grace days");
        assertThat(table.columns()).extracting(DecisionTables.Column::type)
                .containsExactly(ColumnType.RULE_NAME, ColumnType.SEGMENT, ColumnType.DAYS);
        assertThat(table.columns().get(1).options()).containsExactlyInAnyOrder("NEW_CUSTOMER", "GOOD_PAYER", "REGULAR", "RISKY");
        assertThat(table.rows().get(0).cells()).containsExactly("Good payers get days of grace", "GOOD_PAYER", "5");
    }

    @Test
    void theTypesAManagerReadsInTheOtherTables() throws IOException {
        assertThat(types("compliance.drl.csv", "Late charges")).containsExactly(ColumnType.RULE_NAME, ColumnType.CUSTOMER_TYPE,
                ColumnType.STATE, ColumnType.PERCENTAGE, ColumnType.PERCENTAGE, ColumnType.TEXT);
        assertThat(types("compliance.drl.csv", "Contact hours")).containsExactly(ColumnType.RULE_NAME, ColumnType.DAY_OF_WEEK,
                ColumnType.STATE, ColumnType.TIME, ColumnType.TIME, ColumnType.TEXT);
        assertThat(types("escalation.drl.csv", "Stages")).containsExactly(ColumnType.RULE_NAME, ColumnType.SEGMENT,
                ColumnType.CUSTOMER_TYPE, ColumnType.MONEY, ColumnType.MONEY, ColumnType.STAGE, ColumnType.DAY_OFFSET);
        assertThat(types("escalation.drl.csv", "Skipped stages")).endsWith(ColumnType.STAGE, ColumnType.DAYS, ColumnType.FLAG);
        assertThat(types("discounts.drl.csv", "Discounts")).endsWith(ColumnType.PERCENTAGE, ColumnType.YES_NO);
        assertThat(types("segmentation.drl.csv", "Segmentation")).containsExactly(ColumnType.RULE_NAME, ColumnType.YES_NO,
                ColumnType.COUNT, ColumnType.COUNT, ColumnType.DAYS, ColumnType.COUNT, ColumnType.DAYS, ColumnType.TEXT,
                ColumnType.SEGMENT);
    }

    @Test
    void aChangedCellIsWrittenInItsRowAndNothingElseMoves() throws IOException {
        String text = Files.readString(Path.of("rules/grace.drl.csv"));
        DecisionTables.Grid grid = withCell(grace(), 0, 0, 2, "7");
        String written = DecisionTables.write(text, grid);
        assertThat(written).isEqualTo(text.replace("Good payers get days of grace,GOOD_PAYER,5", "Good payers get days of grace,GOOD_PAYER,7"));
    }

    @Test
    void rowsAddedRemovedAndMovedAreWrittenInTheGridsOrderWithCommasQuoted() throws IOException {
        String text = Files.readString(Path.of("rules/grace.drl.csv"));
        DecisionTables.Table table = grace().tables().get(0);
        List<DecisionTables.Row> rows = new ArrayList<>(table.rows());
        DecisionTables.Row risky = rows.remove(3);
        rows.remove(2);
        rows.add(0, risky);
        rows.add(new DecisionTables.Row(List.of("New customers, at last, get two days", "NEW_CUSTOMER", "2")));
        DecisionTables.Grid grid = new DecisionTables.Grid("grace.drl.csv", List.of(new DecisionTables.Table(table.name(), table.columns(), rows)));

        String written = DecisionTables.write(text, grid);

        assertThat(written).endsWith("Rule,Segment,Grace days\n"
                + "Risky customers get no grace,RISKY,0\n"
                + "Good payers get days of grace,GOOD_PAYER,5\n"
                + "Regular customers get days of grace,REGULAR,2\n"
                + "\"New customers, at last, get two days\",NEW_CUSTOMER,2\n");
        assertThat(DecisionTables.read("grace.drl.csv", written, STAGES).tables().get(0).rows()).isEqualTo(rows);
        assertThat(CompiledPolicy.compile(java.util.Map.of("grace.drl.csv", written)).ruleNames())
                .contains("New customers, at last, get two days");
    }

    @Test
    void badCellsAreRefusedAtTheirCellWithAMessage() throws IOException {
        String grace = Files.readString(Path.of("rules/grace.drl.csv"));
        DecisionTables.Grid negative = withCell(withCell(grace(), 0, 0, 2, "-3"), 0, 1, 1, "VIP");
        assertThat(DecisionTables.check(negative, grace, STAGES))
                .extracting(DecisionTables.CellProblem::field, DecisionTables.CellProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tables[0].rows[0].cells[2]", "Grace days: days cannot be negative"),
                        org.assertj.core.groups.Tuple.tuple("tables[0].rows[1].cells[1]",
                                "Segment: 'VIP' is not a known segment: choose one of NEW_CUSTOMER, GOOD_PAYER, REGULAR, RISKY"));

        String compliance = Files.readString(Path.of("rules/compliance.drl.csv"));
        DecisionTables.Grid grid = DecisionTables.read("compliance.drl.csv", compliance, STAGES);
        DecisionTables.Grid fee = withCell(withCell(grid, 0, 0, 3, "1.20"), 3, 0, 3, "8:00");
        assertThat(DecisionTables.check(fee, compliance, STAGES))
                .extracting(DecisionTables.CellProblem::field, DecisionTables.CellProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tables[0].rows[0].cells[3]", "Late fee (multa): 120% is more than 100%"),
                        org.assertj.core.groups.Tuple.tuple("tables[3].rows[0].cells[3]", "From: must be a time of day as HH:mm, e.g. 08:00"));
    }

    @Test
    void moneyKeepsCentavosAndARuleNeedsItsOwnName() throws IOException {
        String text = Files.readString(Path.of("rules/escalation.drl.csv"));
        DecisionTables.Grid grid = DecisionTables.read("escalation.drl.csv", text, STAGES);
        DecisionTables.Grid edited = withCell(withCell(grid, 0, 1, 3, "1000.005"), 0, 2, 0, grid.tables().get(0).rows().get(0).cells().get(0));
        edited = withCell(edited, 0, 3, 5, "");
        assertThat(DecisionTables.check(edited, text, STAGES))
                .extracting(DecisionTables.CellProblem::field, DecisionTables.CellProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tables[0].rows[1].cells[3]", "Balance from (R$): must have at most 2 decimals (centavos)"),
                        org.assertj.core.groups.Tuple.tuple("tables[0].rows[2].cells[0]",
                                "another row (tables[0].rows[0].cells[0]) has this rule name: each rule needs its own"),
                        org.assertj.core.groups.Tuple.tuple("tables[0].rows[3].cells[5]", "Stage: is required"));
    }

    @Test
    void aRowABlankLineCutOffFromItsTableIsFound() throws IOException {
        String text = Files.readString(Path.of("rules/grace.drl.csv")).replace("New customers get", ",,\nNew customers get");
        assertThat(DecisionTables.strayLines(text)).containsExactly(12, 13);
        assertThat(DecisionTables.read("grace.drl.csv", text, STAGES).tables().get(0).rows()).hasSize(2);
    }

    static DecisionTables.Grid grace() throws IOException {
        return DecisionTables.read("grace.drl.csv", Files.readString(Path.of("rules/grace.drl.csv")), STAGES);
    }

    static List<ColumnType> types(String file, String table) throws IOException {
        return DecisionTables.read(file, Files.readString(Path.of("rules", file)), STAGES).tables().stream()
                .filter(t -> t.name().equals(table)).findFirst().orElseThrow()
                .columns().stream().map(DecisionTables.Column::type).toList();
    }

    static DecisionTables.Grid withCell(DecisionTables.Grid grid, int t, int r, int c, String value) {
        List<DecisionTables.Table> tables = new ArrayList<>(grid.tables());
        DecisionTables.Table table = tables.get(t);
        List<DecisionTables.Row> rows = new ArrayList<>(table.rows());
        List<String> cells = new ArrayList<>(rows.get(r).cells());
        cells.set(c, value);
        rows.set(r, new DecisionTables.Row(cells));
        tables.set(t, new DecisionTables.Table(table.name(), table.columns(), rows));
        return new DecisionTables.Grid(grid.file(), tables);
    }

    static List<Path> tableFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".drl.csv")).sorted().toList());
        }
    }
}
