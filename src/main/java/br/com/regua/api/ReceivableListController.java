package br.com.regua.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.report.ReceivableFilter;
import br.com.regua.report.ReceivableListing;
import br.com.regua.report.ReceivablePage;
import br.com.regua.report.ReportCsv;

/**
 * {@code GET /api/receivables?status=&stage=&segment=&customer=&overdueMin=&page=&size=}: receivables
 * in a stable order (due date, then registration), a page at a time, as JSON or CSV.
 */
@RestController
class ReceivableListController {

    private final ReceivableListing listing;

    ReceivableListController(ReceivableListing listing) {
        this.listing = listing;
    }

    @GetMapping(path = "/api/receivables", produces = MediaType.APPLICATION_JSON_VALUE)
    ReceivablePage list(@RequestParam(required = false) String status, @RequestParam(required = false) String stage,
                        @RequestParam(required = false) String segment, @RequestParam(required = false) String customer,
                        @RequestParam(required = false) String overdueMin, @RequestParam(required = false) String page,
                        @RequestParam(required = false) String size) {
        return listing.page(ReceivableFilter.parse(status, stage, segment, customer, overdueMin, page, size));
    }

    @GetMapping(path = "/api/receivables", produces = ReportCsv.MEDIA_TYPE)
    String listCsv(@RequestParam(required = false) String status, @RequestParam(required = false) String stage,
                   @RequestParam(required = false) String segment, @RequestParam(required = false) String customer,
                   @RequestParam(required = false) String overdueMin, @RequestParam(required = false) String page,
                   @RequestParam(required = false) String size) {
        return ReportCsv.receivables(list(status, stage, segment, customer, overdueMin, page, size));
    }
}
