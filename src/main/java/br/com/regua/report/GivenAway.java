package br.com.regua.report;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.receivable.Money;

/** What agreements' offers, as signed and stored, took off: the discount, and the late charges waived. */
record GivenAway(BigDecimal discount, BigDecimal waivedCharges) {

    static GivenAway none() {
        return new GivenAway(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }

    GivenAway plus(ObjectMapper json, String offer) {
        JsonNode breakdown;
        try {
            breakdown = json.readTree(offer).path("breakdown");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agreement's stored offer is not JSON", e);
        }
        return new GivenAway(discount.add(amount(breakdown.path("discount"))), waivedCharges.add(amount(breakdown.path("waivedCharges"))));
    }

    /** Money in a stored offer, written as a number or as a string. */
    private static BigDecimal amount(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO.setScale(2) : Money.round(new BigDecimal(node.asText()));
    }
}
