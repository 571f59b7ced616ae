package br.com.regua.retention;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The purge on the embedded database, one of its own. */
class RetentionTests extends RetentionScenarios {

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:regua-retention;DB_CLOSE_DELAY=-1");
    }
}
