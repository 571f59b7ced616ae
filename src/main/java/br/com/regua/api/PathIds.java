package br.com.regua.api;

import br.com.regua.errors.NotFoundException;
import br.com.regua.receivable.ExternalId;

/**
 * External ids in a path ({@code /api/receivables/{externalId}}). One that breaks the grammar of
 * {@link ExternalId} names nothing that can exist, so it answers 404 like any unknown id, before
 * any lookup; a body naming such an id is refused with 400 and its field instead.
 */
final class PathIds {

    private PathIds() {
    }

    /** {@code externalId} when it may name a {@code what}; otherwise a 404. */
    static String externalId(String externalId, String what) {
        if (!ExternalId.isValid(externalId)) {
            throw new NotFoundException("no " + what + " has this external id: external ids are 1 to 64 letters, digits, "
                    + "'.', '_', '-' or ':'");
        }
        return externalId;
    }
}
