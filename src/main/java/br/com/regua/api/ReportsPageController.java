package br.com.regua.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The reports page for credit managers and analysts: static files, served at {@code /reports}. */
@Controller
class ReportsPageController {

    @GetMapping({"/reports", "/reports/"})
    String page() {
        return "forward:/reports/index.html";
    }
}
