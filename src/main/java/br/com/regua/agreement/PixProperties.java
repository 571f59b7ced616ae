package br.com.regua.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor's PIX receiving data. When all three are set, every installment carries its PIX
 * "copia e cola" payload.
 *
 * @param key          the creditor's PIX key
 * @param merchantName the receiver's name as bank apps show it (at most 25 characters are kept)
 * @param merchantCity the receiver's city (at most 15 characters are kept)
 */
@ConfigurationProperties(prefix = "regua.pix")
public record PixProperties(String key, String merchantName, String merchantCity) {

    public boolean configured() {
        return key != null && !key.isBlank() && merchantName != null && !merchantName.isBlank()
                && merchantCity != null && !merchantCity.isBlank();
    }
}
