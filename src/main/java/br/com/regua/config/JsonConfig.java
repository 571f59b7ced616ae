package br.com.regua.config;

import java.math.BigDecimal;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

@Configuration
public class JsonConfig {

    /** Money goes out as a string ("1500.00"), as it comes in: no client parses it into a double. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer moneyAsString() {
        return builder -> builder.serializerByType(BigDecimal.class, ToStringSerializer.instance);
    }
}
