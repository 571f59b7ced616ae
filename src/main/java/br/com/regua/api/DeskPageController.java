package br.com.regua.api;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import br.com.regua.desk.DeskService;

/**
 * The call form Tasklist opens for a "Call the debtor" task (the task's form key is {@code /desk/tasks}, to
 * which Tasklist adds {@code ?taskId=}): server-rendered in Portuguese; the outcome goes to the JSON API.
 */
@Controller
class DeskPageController {

    /** The default policy's segments as a collector says them; a segment added to the policy shows its key. */
    private static final java.util.Map<String, String> SEGMENTS = java.util.Map.of("GOOD_PAYER", "bom pagador", "REGULAR", "cliente regular",
            "NEW_CUSTOMER", "cliente novo", "RISKY", "cliente de risco");

    private final DeskService desk;

    DeskPageController(DeskService desk) {
        this.desk = desk;
    }

    @GetMapping("/desk/tasks")
    String fromTasklist(@RequestParam(required = false) String taskId) {
        if (taskId == null || !taskId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new br.com.regua.errors.NotFoundException("no open call task with id " + taskId);
        }
        return "redirect:/desk/tasks/" + taskId;
    }

    @GetMapping("/desk/tasks/{taskId}")
    String page(@PathVariable String taskId, Authentication who, Model model) {
        model.addAttribute("v", desk.view(taskId, DeskController.caller(who)));
        model.addAttribute("fmt", new PortalPageController.Format());
        model.addAttribute("me", who.getName());
        model.addAttribute("segmentos", SEGMENTS);
        return "desk/call";
    }
}
