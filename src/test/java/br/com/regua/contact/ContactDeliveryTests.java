package br.com.regua.contact;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delivery scenarios on an in-memory H2 database of their own. */
class ContactDeliveryTests extends ContactDeliveryScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        // not the shared test database: the worker here would deliver other tests' contacts
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:regua-delivery-tests;DB_CLOSE_DELAY=-1");
    }
}
