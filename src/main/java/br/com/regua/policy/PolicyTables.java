package br.com.regua.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;

/**
 * The policy's decision tables as grids: read from the active or a stored version, checked cell by
 * cell and written back as the CSV file the policy keeps; to and from a spreadsheet (XLSX) for those
 * who edit in Excel; and the cells that changed between two versions. Nothing here stores a version:
 * the written text goes through the workbench's validate, what-if and activate like any edit.
 */
@Component
public class PolicyTables {

    private final PolicyWorkbench workbench;
    private final PolicyStore store;
    private final StageCatalog stages;

    public PolicyTables(PolicyWorkbench workbench, PolicyStore store, StageCatalog stages) {
        this.workbench = workbench;
        this.store = store;
        this.stages = stages;
    }

    /** A file's grid, with the version it was read from. */
    public record VersionGrid(int version, DecisionTables.Grid grid) {
    }

    /** The text a checked grid writes, and the grid read back from it. */
    public record Written(int version, String text, DecisionTables.Grid grid) {
    }

    /** One cell that differs between two versions of a row, the row named by its rule. */
    public record CellChange(String rule, int column, String header, String before, String after) {
    }

    /** What changed in one table: rows are matched by their rule's name. */
    public record TableChange(String table, List<CellChange> changed, List<DecisionTables.Row> added,
                              List<DecisionTables.Row> removed) {
    }

    public record TableDiff(String file, int version, int against, List<TableChange> tables) {
    }

    /** @param version a stored version, or null for the active one */
    public VersionGrid grid(String file, Integer version) {
        int number = number(version);
        return new VersionGrid(number, DecisionTables.read(file, text(file, number), stageKeys()));
    }

    /** The text the grid writes, over the file of {@code version} (null: active); refused cell by cell when wrong. */
    public Written write(String file, DecisionTables.Grid grid, Integer version) {
        int number = number(version);
        return write(file, grid, number, text(file, number));
    }

    /**
     * The text the grid writes over {@code base}, a file's text as edited on the page (its notes and
     * templates stay); with no grid, the grid of {@code base} itself.
     */
    public Written write(String file, DecisionTables.Grid grid, Integer version, String base) {
        int number = number(version);
        if (!DecisionTables.isTableFile(file)) {
            throw new InvalidInputException("file", "must be a decision table of the policy: a name ending in .drl.csv");
        }
        if (grid == null) {
            return new Written(number, base, DecisionTables.read(file, base, stageKeys()));
        }
        String original = base;
        List<DecisionTables.CellProblem> problems = DecisionTables.check(grid, original, stageKeys());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldProblem(p.field(), p.message())).toList());
        }
        String text = DecisionTables.write(original, new DecisionTables.Grid(file, grid.tables()));
        return new Written(number, text, DecisionTables.read(file, text, stageKeys()));
    }

    /** The file as a spreadsheet: every line of the CSV a row, every value a text cell, the data rows' headers in bold. */
    public byte[] xlsx(String file, Integer version) {
        int number = number(version);
        String text = text(file, number);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(file.length() > 31 ? file.substring(0, 31) : file);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<String>> records = DecisionTables.records(text);
            int widest = 0;
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = records.get(r);
                boolean header = r > 0 && records.get(r - 4 < 0 ? 0 : r - 4).stream().anyMatch(c -> c.strip().startsWith("RuleTable "));
                widest = Math.max(widest, cells.size());
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        Cell cell = row.createCell(c, CellType.STRING);
                        cell.setCellValue(cells.get(c));
                        if (header) {
                            cell.setCellStyle(bold);
                        }
                    }
                }
            }
            for (int c = 0; c < widest; c++) {
                sheet.setColumnWidth(c, c == 0 ? 60 * 256 : 24 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the spreadsheet of " + file, e);
        }
    }

    /**
     * A spreadsheet edited outside, back to the file's text: its tables' rows replace the file's, the
     * rest of the file (notes, code templates) stays as the policy has it; every cell is checked as
     * in the grid. A number Excel keeps as a number reads as the policy writes it.
     */
    public Written fromXlsx(String file, InputStream xlsx, Integer version) {
        int number = number(version);
        String original = text(file, number);
        DecisionTables.Grid current = DecisionTables.read(file, original, stageKeys());
        List<List<String>> sheet = sheet(xlsx);
        String csv = DecisionTables.csv(sheet);
        DecisionTables.Grid uploaded = DecisionTables.read(file, csv, stageKeys());
        List<FieldProblem> problems = new ArrayList<>();
        for (int line : DecisionTables.strayLines(csv)) {
            problems.add(new FieldProblem("file", "row " + line + " of the spreadsheet is in no table: a blank row ends a table,"
                    + " so delete the blank row above it (or the row itself)"));
        }
        if (uploaded.tables().size() != current.tables().size()) {
            problems.add(new FieldProblem("file", "has " + uploaded.tables().size() + " tables, " + file + " has "
                    + current.tables().size() + ": download the spreadsheet again and change only the rows"));
        } else {
            for (int t = 0; t < current.tables().size(); t++) {
                DecisionTables.Table mine = current.tables().get(t);
                DecisionTables.Table theirs = uploaded.tables().get(t);
                if (!mine.name().equals(theirs.name()) || mine.columns().size() != theirs.columns().size()) {
                    problems.add(new FieldProblem("tables[" + t + "]", "must be the table '" + mine.name() + "' with its "
                            + mine.columns().size() + " columns, as the downloaded spreadsheet has it"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<DecisionTables.Table> tables = new ArrayList<>();
        for (int t = 0; t < current.tables().size(); t++) {
            tables.add(asWritten(current.tables().get(t), uploaded.tables().get(t)));
        }
        return write(file, new DecisionTables.Grid(file, tables), number, original);
    }

    /** The cells of {@code file} that differ from version {@code against} to version {@code version}. */
    public TableDiff diff(String file, int version, int against) {
        return new TableDiff(file, version, against, diff(file, text(file, against), text(file, version), stageKeys()));
    }

    /** The cells of the table file {@code file} that differ from the text {@code beforeText} to {@code afterText}. */
    public static List<TableChange> diff(String file, String beforeText, String afterText, List<String> stageKeys) {
        DecisionTables.Grid after = DecisionTables.read(file, afterText, stageKeys);
        DecisionTables.Grid before = DecisionTables.read(file, beforeText, stageKeys);
        Map<String, DecisionTables.Table> old = new LinkedHashMap<>();
        before.tables().forEach(t -> old.put(t.name(), t));
        List<TableChange> changes = new ArrayList<>();
        for (DecisionTables.Table table : after.tables()) {
            DecisionTables.Table was = old.remove(table.name());
            changes.add(change(table, was == null ? new DecisionTables.Table(table.name(), table.columns(), List.of()) : was));
        }
        old.values().forEach(gone -> changes.add(new TableChange(gone.name(), List.of(), List.of(), gone.rows())));
        return changes;
    }

    private static TableChange change(DecisionTables.Table now, DecisionTables.Table was) {
        Map<String, DecisionTables.Row> before = new LinkedHashMap<>();
        was.rows().forEach(r -> before.putIfAbsent(r.cells().get(0), r));
        List<CellChange> changed = new ArrayList<>();
        List<DecisionTables.Row> added = new ArrayList<>();
        for (DecisionTables.Row row : now.rows()) {
            DecisionTables.Row old = before.remove(row.cells().get(0));
            if (old == null) {
                added.add(row);
                continue;
            }
            for (int c = 1; c < row.cells().size(); c++) {
                String b = c < old.cells().size() ? old.cells().get(c) : "";
                if (!row.cells().get(c).equals(b)) {
                    changed.add(new CellChange(row.cells().get(0), c, now.columns().get(c).header(), b, row.cells().get(c)));
                }
            }
        }
        return new TableChange(now.name(), changed, added, List.copyOf(before.values()));
    }

    /** The uploaded rows, each number written as the policy writes it (an unchanged value keeps its text). */
    private static DecisionTables.Table asWritten(DecisionTables.Table current, DecisionTables.Table uploaded) {
        Map<String, DecisionTables.Row> byName = new HashMap<>();
        current.rows().forEach(r -> byName.putIfAbsent(r.cells().get(0), r));
        List<DecisionTables.Row> rows = new ArrayList<>();
        for (DecisionTables.Row row : uploaded.rows()) {
            DecisionTables.Row was = byName.get(row.cells().get(0));
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.cells().size(); c++) {
                String value = row.cells().get(c).strip();
                String old = was == null ? null : was.cells().get(c);
                cells.add(normalised(current.columns().get(c).type(), value, old));
            }
            rows.add(new DecisionTables.Row(cells));
        }
        return new DecisionTables.Table(current.name(), current.columns(), rows);
    }

    private static String normalised(ColumnType type, String value, String old) {
        BigDecimal number = decimal(value);
        BigDecimal was = old == null ? null : decimal(old);
        if (number != null && was != null && number.compareTo(was) == 0) {
            return old;
        }
        if (type == ColumnType.YES_NO && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return value.toLowerCase();
        }
        if (number == null) {
            return value;
        }
        return switch (type) {
            case MONEY -> number.scale() <= 2 ? number.setScale(2).toPlainString() : value;
            // Excel keeps a time it recognised as a fraction of a day
            case TIME -> number.signum() >= 0 && number.compareTo(BigDecimal.ONE) < 0
                    ? minutes(number.multiply(BigDecimal.valueOf(1440)).setScale(0, java.math.RoundingMode.HALF_UP).intValue())
                    : value;
            default -> value;
        };
    }

    private static String minutes(int ofTheDay) {
        return "%02d:%02d".formatted(ofTheDay / 60 % 24, ofTheDay % 60);
    }

    private static BigDecimal decimal(String value) {
        try {
            return value.isEmpty() ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<List<String>> sheet(InputStream xlsx) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(xlsx)) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : value(cell, formatter));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "is not a spreadsheet this server reads (.xlsx, as downloaded from here)");
        }
    }

    private static String value(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> formatter.formatCellValue(cell);
        };
    }

    private int number(Integer version) {
        return version == null ? workbench.active().number() : version;
    }

    private String text(String file, int version) {
        if (!DecisionTables.isTableFile(file)) {
            throw new InvalidInputException("file", "must be a decision table of the policy: a name ending in .drl.csv");
        }
        SortedMap<String, String> files = store.version(version)
                .orElseThrow(() -> new NotFoundException("policy version " + version + " not found")).files();
        String text = files.get(file);
        if (text == null) {
            throw new NotFoundException("policy version " + version + " has no file " + file);
        }
        return text;
    }

    private List<String> stageKeys() {
        return stages.stages().stream().map(StageCatalog.StageInfo::key).toList();
    }
}
