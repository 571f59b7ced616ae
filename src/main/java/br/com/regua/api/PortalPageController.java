package br.com.regua.api;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import br.com.regua.agreement.AgreementView;
import br.com.regua.agreement.DisputeReceipts;
import br.com.regua.agreement.Offer;
import br.com.regua.errors.ConflictException;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.policy.Channel;
import br.com.regua.portal.PortalProperties;
import br.com.regua.portal.PortalService;
import br.com.regua.portal.PortalTokens;
import br.com.regua.portal.Tips;
import br.com.regua.receivable.NonPaymentReason;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The debtor portal's pages ({@code /p/<token>}), server-rendered in Portuguese for a phone. No role
 * opens them: a link that opens (see {@link PortalTokens}) and, in this browser's session, the
 * identity confirmed for that very link. An unknown, altered, expired or revoked link gets one
 * neutral page; until the identity is confirmed nothing about the debt shows.
 */
@Controller
class PortalPageController {

    private static final String RECEIPT_TOO_LARGE =
            "O arquivo é maior que 5 MB. Envie um comprovante menor (PDF, PNG ou JPEG), ou uma foto do comprovante.";
    private static final java.time.format.DateTimeFormatter BRAZILIAN_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The session attribute holding the digest of the one link whose identity check this session passed. */
    static final String CONFIRMED = "regua.portal.confirmed";

    /** Money and dates as a Brazilian reads them, the messages' own formatting. */
    public static final class Format {
        public String brl(java.math.BigDecimal amount) {
            return amount == null ? "" : br.com.regua.contact.MessageValues.brl(amount);
        }

        public String date(java.time.LocalDate date) {
            return date == null ? "" : br.com.regua.contact.MessageValues.date(date);
        }
    }

    private static final Format FORMAT = new Format();

    private final PortalTokens tokens;
    private final PortalService portal;
    private final Tips tips;
    private final PortalProperties properties;
    private final Clock clock;

    PortalPageController(PortalTokens tokens, PortalService portal, Tips tips, PortalProperties properties, Clock clock) {
        this.tokens = tokens;
        this.tips = tips;
        this.portal = portal;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/p/{token}")
    String page(@PathVariable String token, @RequestParam(name = OversizedUploadFilter.PARAMETER, required = false) String file,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        noIndexNoCache(response);
        Optional<PortalTokens.Link> link = tokens.open(token, now());
        if (link.isEmpty()) {
            return neutral(response, model);
        }
        model.addAttribute("creditor", portal.creditor());
        model.addAttribute("token", token);
        if (!confirmed(request, link.get())) {
            model.addAttribute("digits", PortalTokens.DIGITS_ASKED);
            return "portal/confirm";
        }
        model.addAttribute("page", portal.page(link.get().customerId()));
        if (OversizedUploadFilter.TOO_LARGE.equals(file) && !model.containsAttribute("problem")) {
            // sent back by OversizedUploadFilter: the form's receipt was too large to be read at all
            model.addAttribute("problem", RECEIPT_TOO_LARGE);
        }
        // the page's own check of a receipt, before it is sent, by the same limit and words as the server's
        model.addAttribute("receiptMaxBytes", DisputeReceipts.MAX_BYTES);
        model.addAttribute("receiptTooLarge", RECEIPT_TOO_LARGE);
        model.addAttribute("reasons", NonPaymentReason.values());
        model.addAttribute("reason", portal.nonPaymentReason(link.get().customerId()).orElse(null));
        model.addAttribute("contactPreference", portal.contactPreference(link.get().customerId()));
        model.addAttribute("fmt", FORMAT);
        return "portal/page";
    }

    /** The financial-education tips: nothing personal on it, so no link is needed. */
    @GetMapping("/dicas")
    String tips(Model model) {
        model.addAttribute("tips", tips.page());
        model.addAttribute("creditor", portal.creditor());
        return "portal/tips";
    }

    @PostMapping("/p/{token}/confirm")
    String confirm(@PathVariable String token, @RequestParam(name = "digitos", required = false) String digits,
                   HttpServletRequest request, HttpServletResponse response, Model model) throws InterruptedException {
        noIndexNoCache(response);
        Optional<PortalTokens.Link> link = tokens.open(token, now());
        if (link.isEmpty()) {
            return neutral(response, model);
        }
        PortalTokens.Check check = tokens.confirm(link.get(), digits, now());
        if (check.outcome() == PortalTokens.Outcome.CONFIRMED) {
            // a new session id once the debtor is known: one planted before cannot ride on it
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(CONFIRMED, link.get().tokenHash());
            portal.confirmed(link.get().customerId(), request.getRemoteAddr());
            return "redirect:/p/" + token;
        }
        portal.refused(link.get().customerId(), request.getRemoteAddr(), check.outcome() == PortalTokens.Outcome.LOCKED);
        // each wrong answer is answered later than the one before: guessing takes time as well as tries
        int wrong = properties.maxFailures() - check.triesLeft();
        Thread.sleep(properties.failureDelay().multipliedBy(Math.min(Math.max(wrong, 1), 5)).toMillis());
        response.setStatus(check.outcome() == PortalTokens.Outcome.LOCKED ? HttpStatus.TOO_MANY_REQUESTS.value()
                : HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("creditor", portal.creditor());
        model.addAttribute("token", token);
        model.addAttribute("digits", PortalTokens.DIGITS_ASKED);
        model.addAttribute("locked", check.outcome() == PortalTokens.Outcome.LOCKED);
        model.addAttribute("wrong", true);
        model.addAttribute("triesLeft", check.triesLeft());
        model.addAttribute("waitMinutes", Math.max(1, properties.failureWindow().toMinutes()));
        return "portal/confirm";
    }

    @PostMapping("/p/{token}/offers")
    String accept(@PathVariable String token, @RequestParam(name = "oferta", required = false) String offerId,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes next) {
        Entry in = enter(token, request, response, model);
        if (in.instead() != null) {
            return in.instead();
        }
        try {
            AgreementView agreement = portal.accept(in.link().customerId(), offerId, request.getRemoteAddr());
            next.addFlashAttribute("done", agreement.kind() == Offer.Kind.EXTENSION
                    ? "Prorrogação confirmada! O novo vencimento é " + BRAZILIAN_DATE.format(agreement.installments().get(0).dueDate())
                    + ". Confira abaixo o valor e como pagar."
                    : "Acordo feito! Confira abaixo as parcelas e pague cada uma até o vencimento.");
            next.addFlashAttribute("agreement", agreement.id());
        } catch (NotFoundException | ConflictException | UnprocessableException | InvalidInputException refused) {
            next.addFlashAttribute("problem", "Não foi possível fechar este acordo: as condições mudaram desde que a página foi aberta. "
                    + "Confira as condições atualizadas abaixo.");
        }
        return "redirect:/p/" + token;
    }

    @GetMapping("/p/{token}/quitacao/{reference}")
    Object declaration(@PathVariable String token, @PathVariable String reference, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        Entry in = enter(token, request, response, model);
        if (in.instead() != null) {
            return in.instead();
        }
        try {
            byte[] pdf = portal.declaration(in.link().customerId(), reference, request.getRemoteAddr());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("declaracao-de-quitacao-" + reference.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf").build().toString())
                    .body(pdf);
        } catch (NotFoundException notHers) {
            return neutral(response, model);
        }
    }

    @PostMapping("/p/{token}/disputes")
    String dispute(@PathVariable String token, @RequestParam(name = "referencia", required = false) String reference,
                   @RequestParam(name = "motivo", required = false) String reason,
                   @RequestParam(name = "detalhe", required = false) String note,
                   @RequestParam(name = "comprovante", required = false) MultipartFile file,
                   HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes next) throws IOException {
        Entry in = enter(token, request, response, model);
        if (in.instead() != null) {
            return in.instead();
        }
        PortalService.DisputeReason why;
        try {
            why = PortalService.DisputeReason.valueOf(reason == null ? "" : reason);
        } catch (IllegalArgumentException unknown) {
            next.addFlashAttribute("problem", "Escolha o motivo: \"Já paguei\" ou \"Não reconheço / valor errado\".");
            return "redirect:/p/" + token;
        }
        Optional<String> badReceipt = receiptProblem(file, why);
        if (badReceipt.isPresent()) {
            next.addFlashAttribute("problem", badReceipt.get());
            return "redirect:/p/" + token;
        }
        byte[] receipt = file == null || file.isEmpty() ? null : file.getBytes();
        try {
            portal.dispute(in.link().customerId(), reference, why, note, receipt, request.getRemoteAddr());
            next.addFlashAttribute("done", "Recebemos a sua mensagem (" + why.words() + "). A cobrança fica pausada enquanto "
                    + "analisamos, e entraremos em contato.");
        } catch (NotFoundException | ConflictException | InvalidInputException refused) {
            next.addFlashAttribute("problem", "Não foi possível registrar a contestação deste título agora. "
                    + "Fale conosco pelo telefone " + portal.creditor().phone() + ".");
        }
        return "redirect:/p/" + token;
    }

    /**
     * What is wrong with the receipt sent with a dispute, in the debtor's words; empty when there is
     * none or it is a PDF, PNG or JPEG (by its first bytes, whatever its name) of at most 5 MB.
     */
    private static Optional<String> receiptProblem(MultipartFile file, PortalService.DisputeReason why) throws IOException {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        if (why != PortalService.DisputeReason.ALREADY_PAID) {
            return Optional.of("O comprovante é só para \"Já paguei\". Envie de novo sem o arquivo.");
        }
        if (file.getSize() > DisputeReceipts.MAX_BYTES) {
            return Optional.of(RECEIPT_TOO_LARGE);
        }
        try {
            DisputeReceipts.check(file.getBytes());
        } catch (DisputeReceipts.RefusedReceiptException refused) {
            return Optional.of("O arquivo enviado não é um comprovante que possamos aceitar. Envie um PDF, PNG ou JPEG de até 5 MB.");
        }
        return Optional.empty();
    }

    @PostMapping("/p/{token}/reason")
    String reason(@PathVariable String token, @RequestParam(name = "motivo", required = false) String reason,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes next) {
        Entry in = enter(token, request, response, model);
        if (in.instead() != null) {
            return in.instead();
        }
        NonPaymentReason why;
        try {
            why = NonPaymentReason.valueOf(reason == null ? "" : reason);
        } catch (IllegalArgumentException unknown) {
            next.addFlashAttribute("problem", "Escolha um dos motivos da lista.");
            return "redirect:/p/" + token;
        }
        portal.tellWhy(in.link().customerId(), why, request.getRemoteAddr());
        next.addFlashAttribute("done", "Obrigado por nos contar. Isso nos ajuda a encontrar com você a melhor forma de resolver.");
        return "redirect:/p/" + token;
    }

    @PostMapping("/p/{token}/preferences")
    String preferences(@PathVariable String token, @RequestParam(name = "recusar", required = false) List<String> refused,
                       HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes next) {
        Entry in = enter(token, request, response, model);
        if (in.instead() != null) {
            return in.instead();
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : refused == null ? List.<String>of() : refused) {
            try {
                channels.add(Channel.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                next.addFlashAttribute("problem", "Escolha entre e-mail, SMS e WhatsApp.");
                return "redirect:/p/" + token;
            }
        }
        boolean changed = portal.refuseChannels(in.link().customerId(), channels, request.getRemoteAddr());
        next.addFlashAttribute("done", changed ? "Preferências salvas. Avisos que a lei exige continuam chegando por um canal permitido."
                : "Nada mudou nas suas preferências.");
        return "redirect:/p/" + token;
    }

    /** The channel and time of day the debtor prefers; an empty choice is no preference. */
    @PostMapping("/p/{token}/contact-preference")
    String preferredContact(@PathVariable String token, @RequestParam(name = "canal", required = false) String channel,
                            @RequestParam(name = "periodo", required = false) String time,
                            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes next) {
        Entry in = enter(token, request, response, model);
        if (in.instead() != null) {
            return in.instead();
        }
        Channel preferred;
        try {
            preferred = channel == null || channel.isBlank() ? null : Channel.valueOf(channel);
        } catch (IllegalArgumentException unknown) {
            next.addFlashAttribute("problem", "Escolha entre e-mail, SMS e WhatsApp.");
            return "redirect:/p/" + token;
        }
        boolean changed;
        try {
            changed = portal.prefer(in.link().customerId(), preferred, time == null || time.isBlank() ? null : time,
                    request.getRemoteAddr());
        } catch (InvalidInputException refused) {
            next.addFlashAttribute("problem", "Escolha um canal e um período da lista.");
            return "redirect:/p/" + token;
        }
        next.addFlashAttribute("done", changed ? "Preferência salva. Falaremos com você assim sempre que a lei permitir; "
                + "avisos que a lei exige continuam chegando por um canal permitido." : "Nada mudou nas suas preferências.");
        return "redirect:/p/" + token;
    }

    /** A request for a page behind the identity check: its link, or the answer to give instead. */
    private record Entry(PortalTokens.Link link, String instead) {
    }

    /**
     * Opens the link of a request that needs the identity confirmed: an unknown, changed, expired or
     * revoked link gets the neutral page; a link not confirmed in this session goes back to the check.
     */
    private Entry enter(String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        noIndexNoCache(response);
        Optional<PortalTokens.Link> link = tokens.open(token, now());
        if (link.isEmpty()) {
            return new Entry(null, neutral(response, model));
        }
        if (!confirmed(request, link.get())) {
            return new Entry(null, "redirect:/p/" + token);
        }
        return new Entry(link.get(), null);
    }

    private static boolean confirmed(HttpServletRequest request, PortalTokens.Link link) {
        HttpSession session = request.getSession(false);
        return session != null && link.tokenHash().equals(session.getAttribute(CONFIRMED));
    }

    private String neutral(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("creditor", portal.creditor());
        return "portal/neutral";
    }

    /** A debtor's page is theirs alone: not indexed, not kept by any cache, its address (the token) sent to no other site. */
    private static void noIndexNoCache(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow, noarchive");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
