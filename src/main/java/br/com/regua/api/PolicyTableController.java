package br.com.regua.api;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import br.com.regua.errors.InvalidInputException;
import br.com.regua.policy.DecisionTables;
import br.com.regua.policy.PolicyTables;

/**
 * The policy's decision tables as a credit manager edits them: a grid of typed cells, checked cell by
 * cell into the CSV text the policy keeps, to and from a spreadsheet, and the cells two versions differ
 * in. The text goes live through the policy API's validate, what-if and change like any edit.
 */
@RestController
@RequestMapping("/api/policy")
class PolicyTableController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final long MAX_XLSX_BYTES = 2_000_000;

    private final PolicyTables tables;

    PolicyTableController(PolicyTables tables) {
        this.tables = tables;
    }

    /** A grid as the API shows it: the version it was read from or written over, and the CSV text when one was written. */
    record GridView(String file, int version, List<DecisionTables.Table> tables, String text) {
    }

    /**
     * The edited rows of a file's tables, in the file's order, and optionally the file's text as the
     * page has it (its notes and templates are kept; without it, the stored version's). Text alone:
     * its grid.
     */
    record GridRequest(List<DecisionTables.Table> tables, String text) {
    }

    @GetMapping("/tables/{file}")
    GridView grid(@PathVariable String file, @RequestParam(required = false) Integer version) {
        PolicyTables.VersionGrid grid = tables.grid(file, version);
        return new GridView(file, grid.version(), grid.grid().tables(), null);
    }

    /** The CSV text the grid writes, or the cells that cannot be written (400, each named tables[i].rows[j].cells[k]). */
    @PostMapping("/tables/{file}/check")
    GridView check(@PathVariable String file, @RequestParam(required = false) Integer version, @RequestBody GridRequest request) {
        if (request == null || request.tables() == null && request.text() == null) {
            throw new InvalidInputException("tables", "is required: the file's tables with their rows (or the file's text alone)");
        }
        if (request.text() != null && request.text().length() > PolicyController.MAX_FILE_CHARS) {
            throw new InvalidInputException("text", "must be at most " + PolicyController.MAX_FILE_CHARS + " characters");
        }
        DecisionTables.Grid grid = request.tables() == null ? null : new DecisionTables.Grid(file, request.tables());
        PolicyTables.Written written = request.text() == null ? tables.write(file, grid, version)
                : tables.write(file, grid, version, request.text());
        return new GridView(file, written.version(), written.grid().tables(), written.text());
    }

    @GetMapping(value = "/tables/{file}/xlsx", produces = XLSX)
    ResponseEntity<byte[]> xlsx(@PathVariable String file, @RequestParam(required = false) Integer version) {
        byte[] book = tables.xlsx(file, version);
        String name = file.replace(".drl.csv", "") + ".xlsx";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(XLSX)).body(book);
    }

    /** A spreadsheet edited outside: the CSV text it writes, checked cell by cell as the grid is; nothing is stored. */
    @PostMapping(value = "/tables/{file}/xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    GridView upload(@PathVariable String file, @RequestParam(required = false) Integer version,
                    @RequestPart("file") MultipartFile spreadsheet) throws IOException {
        if (spreadsheet.isEmpty() || spreadsheet.getSize() > MAX_XLSX_BYTES) {
            throw new InvalidInputException("file", "must be a spreadsheet (.xlsx) of at most " + MAX_XLSX_BYTES / 1_000_000 + " MB");
        }
        PolicyTables.Written written = tables.fromXlsx(file, spreadsheet.getInputStream(), version);
        return new GridView(file, written.version(), written.grid().tables(), written.text());
    }

    /** The cells of a table file that changed from version {@code against} (default: the one before) to {@code number}. */
    @GetMapping("/versions/{number}/tables/{file}/diff")
    PolicyTables.TableDiff diff(@PathVariable int number, @PathVariable String file, @RequestParam(required = false) Integer against) {
        int before = against == null ? number - 1 : against;
        if (before < 1) {
            throw new InvalidInputException("against", "must name an earlier version: version " + number + " is the first");
        }
        return tables.diff(file, number, before);
    }
}
