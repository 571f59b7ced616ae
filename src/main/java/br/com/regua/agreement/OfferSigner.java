package br.com.regua.agreement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offer ids are the offer itself, signed: {@code base64url(terms) + "." + base64url(HMAC-SHA256)}.
 * Nothing is stored until an offer is accepted, and a client that edits the terms (a bigger
 * discount, a later date) breaks the signature.
 */
@Component
class OfferSigner {

    private static final Logger log = LoggerFactory.getLogger(OfferSigner.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;

    OfferSigner(AgreementProperties properties) {
        if (properties.offerSecret() == null || properties.offerSecret().isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            log.warn("regua.agreements.offer-secret is not set: offers are signed with a key made at start-up "
                    + "and are no longer accepted after a restart, nor by another node");
        } else {
            key = properties.offerSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    String sign(String terms) {
        byte[] bytes = terms.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The terms of a genuine offer id; empty when it is malformed or was altered. */
    Optional<String> verify(String offerId) {
        if (offerId == null) {
            return Optional.empty();
        }
        int dot = offerId.indexOf('.');
        if (dot <= 0 || dot != offerId.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] terms = B64D.decode(offerId.substring(0, dot));
            byte[] signature = B64D.decode(offerId.substring(dot + 1));
            // constant time: a forger learns nothing from how long the comparison took
            return MessageDigest.isEqual(signature, mac(terms)) ? Optional.of(new String(terms, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
