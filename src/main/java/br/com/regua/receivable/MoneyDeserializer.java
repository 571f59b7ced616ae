package br.com.regua.receivable;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Money as the API writes it: a JSON string of reais, a plain decimal with at most two decimals
 * ({@code "1500.00"}, {@code "1500"}, {@code "-1.5"}). A JSON number is refused, since a client that
 * sends one has been through a double ({@code 1500.1} may have been {@code 1500.0999…}); so is an
 * exponent ({@code "1e5"}), which no person writes for an amount. A sign is let through for the
 * validation that follows to name the amount as not positive.
 */
public class MoneyDeserializer extends JsonDeserializer<BigDecimal> {

    public static final String RULE = "must be an amount in reais as a string with at most 2 decimals, e.g. \"1500.00\"";

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,16}(\\.[0-9]{1,2})?");

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getText();
        if (p.currentToken() == JsonToken.VALUE_STRING && PLAIN.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        throw InvalidFormatException.from(p, RULE, text, BigDecimal.class);
    }
}
