package br.com.regua.contact;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The letter scenarios on an in-memory H2 database of their own. */
class LetterDeliveryTests extends LetterScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        // not the shared test database: the worker here would post other tests' letters
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:regua-letter-tests;DB_CLOSE_DELAY=-1");
    }
}
