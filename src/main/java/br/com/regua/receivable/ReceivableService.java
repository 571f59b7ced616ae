package br.com.regua.receivable;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InputValidator;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.Channel;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.PreferredTime;
import br.com.regua.transactions.Races;

/**
 * Registers receivables: validates, stores the customer and the receivable and starts its
 * collection case, all in one transaction, so a 2xx means the case exists.
 */
@Service
public class ReceivableService {

    /** Receivables of a batch registered in one transaction and one engine command. */
    static final int CHUNK = 100;

    private static final Logger log = LoggerFactory.getLogger(ReceivableService.class);

    private final ReceivableRepository repository;
    private final InputValidator validator;
    private final CaseStarter cases;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final PolicyEngine policy;
    private final Clock clock;

    public ReceivableService(ReceivableRepository repository, InputValidator validator, CaseStarter cases,
                             PlatformTransactionManager transactions, ApplicationEventPublisher events, PolicyEngine policy, Clock clock) {
        this.policy = policy;
        this.repository = repository;
        this.validator = validator;
        this.cases = cases;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a registration: the receivable and whether this call created it. */
    public record Registration(Receivable receivable, boolean created) {
    }

    /** One item of a batch: its registration, or the 4xx reason it was refused (nothing of it stored). */
    public record Outcome(Registration registration, RuntimeException refusal) {
    }

    /** One receivable in its own transaction: a 2xx means the case exists. */
    public Registration register(NewReceivable request) {
        validate(request);
        Outcome outcome = registerAlone(request);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.registration();
    }

    /**
     * Registers many receivables, each on its own: a refused item (invalid, or a conflict) never
     * keeps the others out. Valid items are registered {@value #CHUNK} to a transaction and an
     * engine command, which is what makes a portfolio's intake fast. Should a chunk fail as a whole
     * (another request registering the same receivable at the same instant), it is rolled back and
     * its items are registered again one transaction each, so a failure stays the item's own.
     * Outcomes are returned only once everything they report is committed.
     */
    public List<Outcome> registerAll(List<NewReceivable> requests) {
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Integer> valid = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                validate(requests.get(i));
                valid.add(i);
            } catch (InvalidInputException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Integer> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            List<Outcome> done;
            try {
                done = cases.inOneCommand(() -> registerTogether(chunk.stream().map(requests::get).toList()));
            } catch (RuntimeException chunkFailed) {
                log.info("A chunk of {} receivables failed as a whole ({}); registering them one by one", chunk.size(),
                        LogText.of(chunkFailed));
                done = chunk.stream().map(i -> registerAlone(requests.get(i))).toList();
            }
            for (int k = 0; k < chunk.size(); k++) {
                outcomes[chunk.get(k)] = done.get(k);
            }
        }
        return List.of(outcomes);
    }

    /** An item in its own transaction; two requests racing on one new external id: the loser finds the winner's row. */
    private Outcome registerAlone(NewReceivable request) {
        return Races.retryOnce(() -> transaction.execute(status -> registerTogether(List.of(request)).get(0)));
    }

    /**
     * Registers valid requests in the caller's transaction: what they need of the database is read
     * once for all of them, the new receivables are inserted together, case ids are written and the
     * results read back in one round trip each. A conflict is found before anything of its item is
     * written, so it leaves the others clean.
     */
    private List<Outcome> registerTogether(List<NewReceivable> requests) {
        Known known = new Known(requests);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Item> items = new ArrayList<>(requests.size());
        // the new receivables of these requests by external id, in the order they came
        Map<String, Item> fresh = new LinkedHashMap<>();
        for (NewReceivable request : requests) {
            try {
                items.add(sort(request, known, fresh, now));
            } catch (ConflictException e) {
                items.add(Item.refused(e));
            }
        }
        List<Long> ids = repository.insertAll(fresh.values().stream()
                .map(i -> new ReceivableRepository.NewRow(i.request(), i.customerId(), i.hash())).toList(), now);
        repository.readTogetherWhenLocked(ids);
        Map<String, Long> newIds = new HashMap<>();
        Map<Long, String> caseIds = new LinkedHashMap<>();
        int k = 0;
        for (Item item : fresh.values()) {
            long id = ids.get(k++);
            newIds.put(item.request().externalId(), id);
            caseIds.put(id, start(item.request(), id, now));
        }
        Map<Long, Receivable> read = new HashMap<>();
        repository.findByIds(items.stream().filter(i -> i.refusal() == null).map(i -> i.id(newIds)).distinct().toList())
                .forEach(r -> read.put(r.id(), r));
        // classification sets the case id with the first position; a case whose classification waits (an
        // asynchronous start) gets it here
        Map<Long, String> unset = new LinkedHashMap<>();
        caseIds.forEach((id, caseId) -> {
            if (read.get(id).caseId() == null) {
                unset.put(id, caseId);
            }
        });
        if (!unset.isEmpty()) {
            repository.setCaseIds(unset);
            repository.findByIds(unset.keySet()).forEach(r -> read.put(r.id(), r));
        }
        return items.stream().map(i -> i.refusal() != null ? new Outcome(null, i.refusal())
                : new Outcome(new Registration(read.get(i.id(newIds)), i.creates()), null)).toList();
    }

    /**
     * An item of {@link #registerTogether}: a receivable already stored ({@code storedId}, a retry),
     * a new one ({@code hash}; {@code creates} for the first of its external id in these requests,
     * with its customer's row), or why it was refused.
     */
    private record Item(NewReceivable request, Long storedId, long customerId, String hash, boolean creates,
                        ConflictException refusal) {

        static Item refused(ConflictException e) {
            return new Item(null, null, 0, null, false, e);
        }

        static Item stored(NewReceivable request, long id) {
            return new Item(request, id, 0, null, false, null);
        }

        /** The receivable's id, once the new ones are inserted ({@code newIds} by external id). */
        long id(Map<String, Long> newIds) {
            return storedId != null ? storedId : newIds.get(request.externalId());
        }
    }

    /** What {@code request} is; a new receivable joins {@code fresh}, and its new customer is written now. */
    private Item sort(NewReceivable request, Known known, Map<String, Item> fresh, OffsetDateTime now) {
        String hash = contentHash(request);
        Known.Stored existing = known.receivables.get(request.externalId());
        if (existing != null) {
            if (!existing.contentHash().equals(hash)) {
                throw conflict(request);
            }
            return Item.stored(request, existing.id());
        }
        Item earlier = fresh.get(request.externalId());
        if (earlier != null) {
            if (!earlier.hash().equals(hash)) {
                throw conflict(request);
            }
            return new Item(request, null, 0, hash, false, null);
        }
        Item item = new Item(request, null, customerFor(request.customer(), known, now), hash, true, null);
        fresh.put(request.externalId(), item);
        return item;
    }

    private static ConflictException conflict(NewReceivable request) {
        return new ConflictException("externalId", "receivable " + request.externalId() + " is already registered with other content");
    }

    /** Announces a receivable just inserted and starts its case; returns the case id. */
    private String start(NewReceivable request, long id, OffsetDateTime now) {
        // before the case starts, so a backend hears of the receivable before any of its stages
        events.publishEvent(BusinessEvent.of(EventType.RECEIVABLE_REGISTERED, request.externalId(), now,
                "customer", request.customer().externalId(), "amount", Money.round(request.amount()).toPlainString(),
                "issueDate", String.valueOf(request.issueDate()), "dueDate", String.valueOf(request.dueDate())));
        String caseId = cases.start(request.externalId(), id);
        log.info("Receivable {} registered for customer {} ({}), case {}", LogText.of(request.externalId()),
                LogText.of(request.customer().externalId()), TaxDocument.mask(request.customer().document()), caseId);
        return caseId;
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
        if (c != null && c.preferredTime() != null && problems.stream().noneMatch(p -> p.field().equals("customer.preferredTime"))
                && policy.preferredTimes().stream().map(PreferredTime::getPeriod).noneMatch(c.preferredTime()::equals)) {
            problems.add(new FieldProblem("customer.preferredTime", "must be one of the policy's preferred times of day: "
                    + String.join(", ", policy.preferredTimes().stream().map(PreferredTime::getPeriod).toList())));
        }
        if (request.issueDate() != null) {
            BusinessDates.issueOrDueProblem(request.issueDate(), clock).ifPresent(m -> problems.add(new FieldProblem("issueDate", m)));
        }
        if (request.dueDate() != null) {
            BusinessDates.issueOrDueProblem(request.dueDate(), clock).ifPresent(m -> problems.add(new FieldProblem("dueDate", m)));
        }
        if (request.issueDate() != null && request.dueDate() != null && request.dueDate().isBefore(request.issueDate())) {
            problems.add(new FieldProblem("dueDate", "must not be before issueDate"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private long customerFor(NewCustomer c, Known known, OffsetDateTime now) {
        String document = TaxDocument.normalize(c.document());
        Customer customer = known.customers.get(c.externalId());
        if (customer == null) {
            long id = repository.insertCustomer(c, c.type(), document, now);
            known.customerWritten(id, c, document, PaymentHistory.none());
            preferences(id, null, c, now);
            return id;
        }
        if (!customer.document().equals(document) || customer.type() != c.type()) {
            throw new ConflictException("customer.document",
                    "customer " + c.externalId() + " is registered with another document or type");
        }
        if (!Objects.equals(customer.name(), c.name()) || !Objects.equals(customer.email(), c.email())
                || !Objects.equals(customer.phone(), c.phone()) || !Objects.equals(customer.state(), c.state())) {
            repository.updateCustomerContact(customer.id(), c);
            known.customerWritten(customer.id(), c, document, customer.history());
        }
        if (c.address() != null && !c.address().normalized().equals(customer.address())) {
            repository.updateAddress(customer.id(), c.address());
        }
        preferences(customer.id(), customer, c, now);
        return customer.id();
    }

    /** Preferences the backend sends replace those stored; one it leaves out keeps what is stored (the debtor's own, maybe). */
    private void preferences(long customerId, Customer stored, NewCustomer c, OffsetDateTime now) {
        if (c.preferredChannel() == null && c.preferredTime() == null) {
            return;
        }
        Channel channel = c.preferredChannel() != null ? Channel.valueOf(c.preferredChannel()) : stored == null ? null : stored.preferredChannel();
        String time = c.preferredTime() != null ? c.preferredTime() : stored == null ? null : stored.preferredTime();
        if (stored == null || stored.preferredChannel() != channel || !Objects.equals(stored.preferredTime(), time)) {
            repository.recordPreferences(customerId, channel, time, now);
        }
    }

    /**
     * What registering needs to know of the receivables and customers a set of requests names: read
     * in two queries, then kept current as the requests are registered one after another.
     */
    private final class Known {

        record Stored(long id, String contentHash) {
        }

        final Map<String, Stored> receivables = new HashMap<>();
        final Map<String, Customer> customers = new HashMap<>();

        Known(List<NewReceivable> requests) {
            repository.findByExternalIds(requests.stream().map(NewReceivable::externalId).distinct().toList())
                    .forEach(r -> receivables.put(r.externalId(), new Stored(r.id(), r.contentHash())));
            repository.findCustomers(requests.stream().map(r -> r.customer().externalId()).distinct().toList())
                    .forEach(c -> customers.put(c.externalId(), c));
        }

        /** The customer as stored once {@code c} is written over it. */
        void customerWritten(long id, NewCustomer c, String document, PaymentHistory history) {
            customers.put(c.externalId(), new Customer(id, c.externalId(), c.name(), document, c.type(), c.email(), c.phone(), c.state(),
                    history, null, null, null, c.address() == null ? null : c.address().normalized()));
        }
    }

    /** Everything the request says, normalized, so a retry matches and any change does not. */
    static String contentHash(NewReceivable r) {
        NewCustomer c = r.customer();
        Object[] parts = {r.externalId(), r.amount().setScale(2).toPlainString(), r.issueDate(), r.dueDate(), r.description(),
                c.externalId(), c.name(), TaxDocument.normalize(c.document()), c.type(), c.email(), c.phone(), c.state()};
        // preferences join the hash only when sent, so receivables registered before they existed keep their hash
        if (c.preferredChannel() != null || c.preferredTime() != null) {
            parts = Arrays.copyOf(parts, parts.length + 2);
            parts[parts.length - 2] = "preferredChannel=" + c.preferredChannel();
            parts[parts.length - 1] = "preferredTime=" + c.preferredTime();
        }
        // the address joins the hash only when sent, so receivables registered before it existed keep their hash
        if (c.address() != null) {
            parts = Arrays.copyOf(parts, parts.length + 1);
            parts[parts.length - 1] = "address=" + c.address().normalized();
        }
        // the boleto line joins the hash only when sent, so receivables registered before it existed keep their hash
        if (r.boletoLine() != null) {
            parts = Arrays.copyOf(parts, parts.length + 1);
            parts[parts.length - 1] = r.boletoLine().replaceAll("\\D", "");
        }
        return ContentHash.of(parts);
    }
}
