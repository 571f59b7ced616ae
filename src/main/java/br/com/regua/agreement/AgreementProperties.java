package br.com.regua.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Renegotiation settings.
 *
 * @param offerSecret the key that signs offers (HMAC-SHA256); every node of a cluster needs the same.
 *                    When unset a random key is made at start-up, and offers die with a restart.
 */
@ConfigurationProperties(prefix = "regua.agreements")
public record AgreementProperties(String offerSecret) {
}
