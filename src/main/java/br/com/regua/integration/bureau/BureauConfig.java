package br.com.regua.integration.bureau;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one bureau adapter: the generic HTTP/JSON one. Another bureau's own API would be another {@link Bureau}. */
@Configuration
class BureauConfig {

    @Bean
    Bureau bureau(BureauProperties settings, ObjectMapper json) {
        return new HttpBureau(settings, json);
    }
}
