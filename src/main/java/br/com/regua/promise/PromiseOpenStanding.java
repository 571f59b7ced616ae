package br.com.regua.promise;

import org.springframework.stereotype.Component;

import br.com.regua.contact.PromiseStanding;

/** Tells the delivery worker whether a promise reminder still has something to remind of. */
@Component
class PromiseOpenStanding implements PromiseStanding {

    private final PromiseService promises;

    PromiseOpenStanding(PromiseService promises) {
        this.promises = promises;
    }

    @Override
    public boolean open(String promiseId) {
        return promises.open(promiseId);
    }
}
