package br.com.regua.policy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table file ({@code .drl.csv}, Drools' layout) as a credit manager edits it: its tables,
 * each with typed columns and rows of cells, and back to the same file. Everything that is no data
 * row (RuleSet, Imports, Notes, the code templates, the header a manager reads) is kept as it was,
 * and a row left as it was keeps its very text: an unchanged grid writes back the file it came from.
 * The rule's name is the row's comment: a business sentence that every decision record shows.
 */
public final class DecisionTables {

    private static final Set<String> KEYWORDS = Set.of("RuleSet", "Import", "Notes", "Variables", "Functions", "Queries",
            "Declare", "Sequential", "Unit", "Dialect", "SequentialMaxPriority", "SequentialMinPriority", "EscapeQuotes",
            "NumericDisabled", "Lock-On-Active", "Auto-Focus", "Activation-Group", "Agenda-Group", "RuleFlow-Group",
            "Duration", "Timer", "Calendars", "No-Loop", "Enabled");
    private static final Set<String> ATTRIBUTE_COLUMNS = Set.of("ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP",
            "PRIORITY", "SALIENCE", "NO-LOOP", "DURATION", "TIMER", "CALENDARS", "AUTO-FOCUS", "LOCK-ON-ACTIVE", "DATE-EFFECTIVE",
            "DATE-EXPIRES", "ENABLED", "DIALECT");
    private static final Pattern DECLARATION = Pattern.compile("\\b(\\w+) (\\w+) = new (\\w+)\\(");

    private DecisionTables() {
    }

    /** A column: its header for people, Drools' kind, the fact and template the value goes into, and its type. */
    public record Column(String header, String kind, String objectType, String template, ColumnType type,
                         String typeLabel, List<String> options, boolean required) {
    }

    /** A data row: one cell per column, the first being the rule's name. */
    public record Row(List<String> cells) {
    }

    public record Table(String name, List<Column> columns, List<Row> rows) {
    }

    /** The tables of one file, in the file's order. */
    public record Grid(String file, List<Table> tables) {
    }

    /** A cell that cannot be written, with the reason; {@code field} names it as the API does. */
    public record CellProblem(String field, int table, int row, int cell, String message) {
    }

    /** Whether a policy file is a decision table this editor opens. */
    public static boolean isTableFile(String name) {
        return name != null && name.endsWith(".drl.csv") && !name.contains("/");
    }

    /**
     * The grid of a file.
     *
     * @param stages the stage keys of the deployed collection process, the options of stage columns
     */
    public static Grid read(String file, String text, List<String> stages) {
        Layout layout = Layout.of(text);
        List<Table> tables = new ArrayList<>();
        for (TableAt at : layout.tables) {
            List<Column> columns = columns(layout.records, at, stages);
            List<Row> rows = new ArrayList<>();
            for (int r = at.firstData; r < at.endData; r++) {
                rows.add(new Row(cellsOf(layout.records.get(r).cells, at.column, columns.size())));
            }
            tables.add(new Table(at.name, columns, rows));
        }
        return new Grid(file, tables);
    }

    /**
     * The file's text with the grid's rows in place of the original's; the original gives everything
     * else. The grid must have the original's tables and columns (see {@link #check}).
     */
    public static String write(String original, Grid grid) {
        Layout layout = Layout.of(original);
        if (grid.tables().size() != layout.tables.size()) {
            throw new IllegalArgumentException("the grid has " + grid.tables().size() + " tables, the file " + layout.tables.size());
        }
        String newline = original.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder(original.length() + 256);
        int record = 0;
        for (int t = 0; t < layout.tables.size(); t++) {
            TableAt at = layout.tables.get(t);
            for (; record < at.firstData; record++) {
                out.append(layout.records.get(record).raw);
            }
            int width = columns(layout.records, at, List.of()).size();
            List<Rec> before = layout.records.subList(at.firstData, at.endData);
            StringBuilder block = new StringBuilder();
            Set<Integer> used = new HashSet<>();
            Table edited = grid.tables().get(t);
            List<Row> rows = edited == null || edited.rows() == null ? List.of() : edited.rows();
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r).cells();
                int same = sameRow(before, at.column, width, cells, r, used);
                if (same >= 0) {
                    used.add(same);
                    String raw = before.get(same).raw;
                    block.append(raw.endsWith("\n") || raw.endsWith("\r") ? raw : raw + newline);
                } else {
                    block.append(encode(at.column, cells)).append(newline);
                }
            }
            boolean endedWithoutNewline = !before.isEmpty() && at.endData == layout.records.size()
                    && !before.get(before.size() - 1).raw.endsWith("\n");
            if (endedWithoutNewline && block.length() >= newline.length()) {
                block.setLength(block.length() - newline.length());
            }
            out.append(block);
            record = at.endData;
        }
        for (; record < layout.records.size(); record++) {
            out.append(layout.records.get(record).raw);
        }
        return out.toString();
    }

    /** Every cell that cannot be written, each with its message; the grid is checked against the file it edits. */
    public static List<CellProblem> check(Grid edited, String original, List<String> stages) {
        Grid base = read(edited.file(), original, stages);
        List<CellProblem> problems = new ArrayList<>();
        if (edited.tables() == null || edited.tables().size() != base.tables().size()) {
            problems.add(new CellProblem("tables", -1, -1, -1, "must be the file's " + base.tables().size()
                    + " tables, in its order: a table is added or removed in the file's text, not in the grid"));
            return problems;
        }
        Map<String, String> names = new HashMap<>();
        for (int t = 0; t < base.tables().size(); t++) {
            List<Column> columns = base.tables().get(t).columns();
            Table table = edited.tables().get(t);
            List<Row> rows = table == null || table.rows() == null ? List.of() : table.rows();
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r) == null ? null : rows.get(r).cells();
                String rowField = "tables[" + t + "].rows[" + r + "]";
                if (cells == null || cells.size() != columns.size()) {
                    problems.add(new CellProblem(rowField, t, r, -1, "must have " + columns.size() + " cells, one per column"));
                    continue;
                }
                for (int c = 0; c < columns.size(); c++) {
                    Column column = columns.get(c);
                    String value = cells.get(c) == null ? "" : cells.get(c);
                    String field = rowField + ".cells[" + c + "]";
                    String problem;
                    if (value.isBlank()) {
                        problem = column.required() ? column.header() + ": is required" : null;
                    } else if (!value.equals(value.strip())) {
                        problem = column.header() + ": must not begin or end with spaces";
                    } else {
                        String wrong = column.type().problem(value, column.options());
                        problem = wrong == null ? null : column.header() + ": " + wrong;
                    }
                    if (problem == null && column.type() == ColumnType.RULE_NAME) {
                        String other = names.putIfAbsent(value, field);
                        if (other != null) {
                            problem = "another row (" + other + ") has this rule name: each rule needs its own";
                        }
                    }
                    if (problem != null) {
                        problems.add(new CellProblem(field, t, r, c, problem));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The lines (from 1) that are in no table, no keyword row and not blank: in a spreadsheet, rows a
     * blank row cut off from their table, which Drools would not read as rules.
     */
    static List<Integer> strayLines(String text) {
        Layout layout = Layout.of(text);
        boolean[] placed = new boolean[layout.records.size()];
        for (TableAt at : layout.tables) {
            for (int r = at.kindRow - 1; r < at.endData; r++) {
                placed[r] = true;
            }
        }
        List<Integer> stray = new ArrayList<>();
        for (int r = 0; r < placed.length; r++) {
            Rec rec = layout.records.get(r);
            if (!placed[r] && !rec.blank() && !KEYWORDS.contains(rec.first())) {
                stray.add(r + 1);
            }
        }
        return stray;
    }

    /** The cells of every line of a CSV text, as a spreadsheet shows them. */
    static List<List<String>> records(String text) {
        return Layout.records(text).stream().map(Rec::cells).toList();
    }

    /** Rows of cells as CSV text, one line each. */
    static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(encode(0, r)).append('\n'));
        return text.toString();
    }

    /** The options of a pick-list column. */
    static List<String> options(ColumnType type, List<String> stages) {
        return switch (type) {
            case SEGMENT -> Arrays.stream(Segment.values()).map(Enum::name).toList();
            case CUSTOMER_TYPE -> Arrays.stream(CustomerType.values()).map(Enum::name).toList();
            case DAY_OF_WEEK -> Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
            case CHANNEL -> Arrays.stream(Channel.values()).map(Enum::name).toList();
            case STAGE -> List.copyOf(stages);
            case STATE -> ColumnType.STATES;
            case YES_NO -> List.of("true", "false");
            case FLAG -> List.of("yes");
            default -> List.of();
        };
    }

    private static List<Column> columns(List<Rec> records, TableAt at, List<String> stages) {
        List<String> kinds = records.get(at.kindRow).cells;
        int width = 0;
        for (int c = at.column; c < kinds.size(); c++) {
            if (!kinds.get(c).isBlank()) {
                width = c - at.column + 1;
            }
        }
        List<String> objects = cellsOf(records.get(at.kindRow + 1).cells, at.column, width);
        List<String> templates = cellsOf(records.get(at.kindRow + 2).cells, at.column, width);
        List<String> headers = cellsOf(records.get(at.kindRow + 3).cells, at.column, width);
        Map<String, String> variables = new HashMap<>();
        for (String template : templates) {
            Matcher d = DECLARATION.matcher(template);
            while (d.find()) {
                variables.put(d.group(2), d.group(3));
            }
        }
        List<Column> columns = new ArrayList<>();
        String object = "";
        for (int c = 0; c < width; c++) {
            String kind = kinds.get(at.column + c).strip().toUpperCase();
            // a condition's fact spans the columns after it until the next one is named (merged cells in a spreadsheet)
            object = objects.get(c).isBlank() ? ("CONDITION".equals(kind) ? object : "") : objects.get(c).strip();
            String template = templates.get(c);
            ColumnType type;
            if ("NAME".equals(kind)) {
                type = ColumnType.RULE_NAME;
            } else if ("DESCRIPTION".equals(kind) || ATTRIBUTE_COLUMNS.contains(kind)) {
                type = ColumnType.TEXT;
            } else {
                type = ColumnTypes.of(kind, object, template, variables).orElse(ColumnType.UNKNOWN);
            }
            boolean required = "NAME".equals(kind) || "ACTION".equals(kind)
                    && (template.contains("insert(") || template.contains("delete(") || DECLARATION.matcher(template).find());
            columns.add(new Column(headers.get(c), kind, object, template, type, type.label(), options(type, stages), required));
        }
        return columns;
    }

    private static int sameRow(List<Rec> before, int column, int width, List<String> cells, int index, Set<Integer> used) {
        if (index < before.size() && !used.contains(index) && cellsOf(before.get(index).cells, column, width).equals(cells)) {
            return index;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!used.contains(i) && cellsOf(before.get(i).cells, column, width).equals(cells)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> cellsOf(List<String> record, int from, int width) {
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            cells.add(from + c < record.size() ? record.get(from + c) : "");
        }
        return cells;
    }

    static String encode(int leading, List<String> cells) {
        StringBuilder line = new StringBuilder(",".repeat(leading));
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            String v = cells.get(c) == null ? "" : cells.get(c);
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
            line.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return line.toString();
    }

    /** One CSV record: its cells and its exact text, line end included. */
    private record Rec(List<String> cells, String raw) {

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String first() {
            return cells.stream().filter(c -> !c.isBlank()).findFirst().orElse("").strip();
        }
    }

    private record TableAt(String name, int column, int kindRow, int firstData, int endData) {
    }

    private record Layout(List<Rec> records, List<TableAt> tables) {

        static Layout of(String text) {
            List<Rec> records = records(text);
            List<TableAt> tables = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                String first = records.get(i).first();
                if (first.startsWith("RuleTable ") && i + 4 < records.size()) {
                    int column = records.get(i).cells.indexOf(records.get(i).cells.stream()
                            .filter(c -> c.strip().startsWith("RuleTable ")).findFirst().orElseThrow());
                    int firstData = i + 5;
                    int end = firstData;
                    while (end < records.size() && !records.get(end).blank()
                            && !KEYWORDS.contains(records.get(end).first()) && !records.get(end).first().startsWith("RuleTable ")) {
                        end++;
                    }
                    tables.add(new TableAt(first.substring("RuleTable ".length()).strip(), column, i + 1, firstData, end));
                    i = end - 1;
                }
            }
            return new Layout(records, tables);
        }

        private static List<Rec> records(String text) {
            List<Rec> records = new ArrayList<>();
            int start = 0;
            int i = 0;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                    i++;
                } else if (ch == '"') {
                    quoted = true;
                    i++;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    i++;
                } else if (ch == '\n' || ch == '\r') {
                    int end = ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                    cells.add(cell.toString());
                    records.add(new Rec(List.copyOf(cells), text.substring(start, end)));
                    cells.clear();
                    cell.setLength(0);
                    start = end;
                    i = end;
                } else {
                    cell.append(ch);
                    i++;
                }
            }
            if (start < text.length()) {
                cells.add(cell.toString());
                records.add(new Rec(List.copyOf(cells), text.substring(start)));
            }
            return records;
        }
    }
}
