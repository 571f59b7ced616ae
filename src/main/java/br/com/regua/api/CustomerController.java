package br.com.regua.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.contact.OptOutService;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.policy.Channel;

/** A debtor's contact opt-outs: {@code /api/customers/{externalId}/opt-outs}. */
@RestController
@RequestMapping("/api/customers/{externalId}/opt-outs")
class CustomerController {

    private final OptOutService optOuts;

    CustomerController(OptOutService optOuts) {
        this.optOuts = optOuts;
    }

    record OptOutRequest(Channel channel) {
    }

    /** 201 when the opt-out is new, 200 when the debtor had already opted out of that channel. */
    @PostMapping
    ResponseEntity<OptOutService.OptOutState> optOut(@PathVariable String externalId, @RequestBody OptOutRequest request) {
        if (request.channel() == null) {
            throw new InvalidInputException("channel", "must be one of " + java.util.Arrays.toString(Channel.values()));
        }
        OptOutService.OptOutState state = optOuts.optOut(PathIds.externalId(externalId, "customer"), request.channel());
        return ResponseEntity.status(state.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(state);
    }

    @GetMapping
    OptOutService.OptOutState list(@PathVariable String externalId) {
        return optOuts.of(PathIds.externalId(externalId, "customer"));
    }

    /** The debtor accepts the channel again. */
    @DeleteMapping("/{channel}")
    OptOutService.OptOutState optIn(@PathVariable String externalId, @PathVariable String channel) {
        Channel c;
        try {
            c = Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "must be one of " + java.util.Arrays.toString(Channel.values()));
        }
        return optOuts.optIn(PathIds.externalId(externalId, "customer"), c);
    }
}
