package br.com.regua.pix;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor's PIX receiving account. When all three are set, every message carries a PIX
 * "copia e cola" for the amount it asks for.
 *
 * @param key          the PIX key (CNPJ digits, e-mail, +55 phone or random key)
 * @param merchantName the receiver's name as bank apps show it (up to 25 characters)
 * @param merchantCity the receiver's city (up to 15 characters)
 */
@ConfigurationProperties(prefix = "regua.pix")
public record PixProperties(String key, String merchantName, String merchantCity) {

    public boolean configured() {
        return key != null && !key.isBlank() && merchantName != null && !merchantName.isBlank()
                && merchantCity != null && !merchantCity.isBlank();
    }

    /** The copia-e-cola text for {@code amount}, tagged with the receivable's reference; empty when PIX is not configured. */
    public Optional<String> copiaECola(BigDecimal amount, String reference) {
        return copiaEColaTagged(amount, PixPayload.txidOf(reference));
    }

    /** The copia-e-cola text for {@code amount} with the transaction id given; empty when PIX is not configured. */
    public Optional<String> copiaEColaTagged(BigDecimal amount, String txid) {
        return configured() ? Optional.of(PixPayload.of(key, merchantName, merchantCity, amount, txid)) : Optional.empty();
    }
}
