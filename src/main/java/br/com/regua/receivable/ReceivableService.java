package br.com.regua.receivable;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.api.ConflictException;
import br.com.regua.api.FieldProblem;
import br.com.regua.api.InputValidator;
import br.com.regua.api.InvalidInputException;
import br.com.regua.api.NotFoundException;
import br.com.regua.policy.CustomerType;
import br.com.regua.schedule.CollectionCases;

/**
 * Registers receivables: validates, stores the customer and the receivable and starts its
 * collection case, all in one transaction, so a 2xx means the case exists.
 */
@Service
public class ReceivableService {

    private static final Logger log = LoggerFactory.getLogger(ReceivableService.class);

    private final ReceivableRepository repository;
    private final InputValidator validator;
    private final CollectionCases cases;
    private final Clock clock;

    public ReceivableService(ReceivableRepository repository, InputValidator validator, CollectionCases cases, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.cases = cases;
        this.clock = clock;
    }

    /** The outcome of a registration: the receivable and whether this call created it. */
    public record Registration(Receivable receivable, boolean created) {
    }

    @Transactional
    public Registration register(NewReceivable request) {
        validate(request);
        String hash = contentHash(request);
        var existing = repository.findByExternalId(request.externalId());
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(hash)) {
                throw new ConflictException("externalId",
                        "receivable " + request.externalId() + " is already registered with other content");
            }
            return new Registration(existing.get(), false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long customerId = customerFor(request.customer(), now);
        long id = repository.insert(request, customerId, hash, now);
        String caseId = cases.start(request.externalId(), id);
        repository.setCaseId(id, caseId);
        log.info("Receivable {} registered for customer {} ({}), case {}", request.externalId(), request.customer().externalId(),
                TaxDocument.mask(request.customer().document()), caseId);
        return new Registration(repository.get(id), true);
    }

    public Receivable get(String externalId) {
        return repository.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("no receivable with external id " + externalId));
    }

    public Customer customer(long id) {
        return repository.customer(id);
    }

    private void validate(NewReceivable request) {
        List<FieldProblem> problems = new ArrayList<>(validator.problems(request));
        NewCustomer c = request.customer();
        if (c != null && c.document() != null && c.type() != null && !c.document().isBlank()) {
            boolean valid = c.type() == CustomerType.CONSUMER ? TaxDocument.isValidCpf(c.document()) : TaxDocument.isValidCnpj(c.document());
            if (!valid) {
                problems.add(new FieldProblem("customer.document",
                        c.type() == CustomerType.CONSUMER ? "must be a valid CPF for a consumer" : "must be a valid CNPJ for a business"));
            }
        }
        if (request.issueDate() != null && request.dueDate() != null && request.dueDate().isBefore(request.issueDate())) {
            problems.add(new FieldProblem("dueDate", "must not be before issueDate"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private long customerFor(NewCustomer c, OffsetDateTime now) {
        String document = TaxDocument.normalize(c.document());
        var known = repository.findCustomer(c.externalId());
        if (known.isEmpty()) {
            return repository.insertCustomer(c, c.type(), document, now);
        }
        Customer customer = known.get();
        if (!customer.document().equals(document) || customer.type() != c.type()) {
            throw new ConflictException("customer.document",
                    "customer " + c.externalId() + " is registered with another document or type");
        }
        if (!Objects.equals(customer.name(), c.name()) || !Objects.equals(customer.email(), c.email())
                || !Objects.equals(customer.phone(), c.phone()) || !Objects.equals(customer.state(), c.state())) {
            repository.updateCustomerContact(customer.id(), c);
        }
        return customer.id();
    }

    /** Everything the request says, normalized, so a retry matches and any change does not. */
    static String contentHash(NewReceivable r) {
        NewCustomer c = r.customer();
        Object[] parts = {r.externalId(), r.amount().setScale(2).toPlainString(), r.issueDate(), r.dueDate(), r.description(),
                c.externalId(), c.name(), TaxDocument.normalize(c.document()), c.type(), c.email(), c.phone(), c.state()};
        // the boleto line joins the hash only when sent, so receivables registered before it existed keep their hash
        if (r.boletoLine() != null) {
            parts = Arrays.copyOf(parts, parts.length + 1);
            parts[parts.length - 1] = r.boletoLine().replaceAll("\\D", "");
        }
        return ContentHash.of(parts);
    }
}
