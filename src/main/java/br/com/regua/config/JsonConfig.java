package br.com.regua.config;

import java.math.BigDecimal;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

@Configuration
public class JsonConfig {

    /**
     * Money goes out as a string ("1500.00"), as it comes in: no client parses it into a double.
     * (Coming in, each amount field reads through {@code receivable.MoneyDeserializer}.)
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer moneyAsString() {
        return builder -> builder.serializerByType(BigDecimal.class, ToStringSerializer.instance);
    }

    /**
     * A request means one thing or is refused: text after the JSON value ({@code {...} xyz}) is a
     * client's bug or a truncated concatenation, and a key given twice ({@code "amount":"1",
     * "amount":"2"}) would otherwise silently keep the last one, which another parser in the
     * client's chain may read as the first.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
