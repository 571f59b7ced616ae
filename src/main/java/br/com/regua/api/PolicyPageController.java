package br.com.regua.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The policy page for credit managers: static files, served at {@code /policy}. */
@Controller
class PolicyPageController {

    @GetMapping({"/policy", "/policy/"})
    String page() {
        return "forward:/policy/index.html";
    }
}
