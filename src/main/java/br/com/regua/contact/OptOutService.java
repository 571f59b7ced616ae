package br.com.regua.contact;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import br.com.regua.errors.NotFoundException;
import br.com.regua.logging.LogText;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.ReceivableRepository;

/**
 * A debtor's "don't contact me by ..." (LGPD and good manners): stored at once, read by the rules at
 * the next step and by the delivery worker before every send, so not even a message already queued
 * goes out on that channel.
 */
@Service
public class OptOutService {

    private static final Logger log = LoggerFactory.getLogger(OptOutService.class);

    private final ReceivableRepository customers;
    private final OptOuts optOuts;
    private final Clock clock;

    OptOutService(ReceivableRepository customers, OptOuts optOuts, Clock clock) {
        this.customers = customers;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /** The debtor's opt-outs after the change, and whether this call changed anything. */
    public record OptOutState(String customerExternalId, Set<Channel> optedOut, boolean changed) {
    }

    public OptOutState optOut(String customerExternalId, Channel channel) {
        Customer c = customer(customerExternalId);
        boolean added = optOuts.add(c.id(), channel, OffsetDateTime.now(clock));
        if (added) {
            log.info("Customer {} opted out of {}", LogText.of(customerExternalId), channel);
        }
        return new OptOutState(customerExternalId, optOuts.of(c.id()), added);
    }

    public OptOutState optIn(String customerExternalId, Channel channel) {
        Customer c = customer(customerExternalId);
        boolean removed = optOuts.remove(c.id(), channel);
        return new OptOutState(customerExternalId, optOuts.of(c.id()), removed);
    }

    public OptOutState of(String customerExternalId) {
        return new OptOutState(customerExternalId, optOuts.of(customer(customerExternalId).id()), false);
    }

    private Customer customer(String externalId) {
        return customers.findCustomer(externalId).orElseThrow(() -> new NotFoundException("no customer with external id " + externalId));
    }
}
