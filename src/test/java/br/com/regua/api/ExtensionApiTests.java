package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.agreement.AgreementProcess;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.MessageKind;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * The prorrogação over real HTTP. A consumer owes R$ 1.500,00 due Monday 16 March 2026 and is
 * registered on 2 March. The default policy lets a regular customer owing less than R$ 2.000,00
 * move the due date 7 days, once; a new customer not at all.
 */
class ExtensionApiTests extends ReguaSpringTests {

    TestRestTemplate http;

    @Autowired
    ObjectMapper json;
    @Autowired
    ReceivableRepository receivables;
    @Autowired
    ContactService contacts;

    @BeforeEach
    void signInAsBackendBeforeTheDueDate() {
        http = as(Role.INTEGRATION);
        setClock("2026-03-02T10:00:00-03:00");
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    /** A receivable of a customer who paid {@code paidBefore} earlier debts on time (1: a regular customer). */
    void register(String externalId, String amount, int paidBefore) {
        String body = ReceivableApiTests.body(externalId).replace("1500.00", amount);
        assertThat(post("/api/receivables", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long customerId = receivables.findCustomer("cust-" + externalId).orElseThrow().id();
        for (int i = 0; i < paidBefore; i++) {
            receivables.recordPaid(customerId, 0);
        }
    }

    JsonNode offers(String externalId) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/receivables/" + externalId + "/offers", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static List<JsonNode> extensions(JsonNode offers) {
        List<JsonNode> found = new ArrayList<>();
        offers.get("offers").forEach(o -> {
            if (o.get("kind").asText().equals("EXTENSION")) {
                found.add(o);
            }
        });
        return found;
    }

    ResponseEntity<JsonNode> accept(String offerId) {
        return post("/api/agreements", json.createObjectNode().put("offerId", offerId).toString());
    }

    @Test
    void theExtensionIsOfferedOnlyWhereThePolicyAllowsIt() {
        register("ext-regular", "1500.00", 1);
        register("ext-new", "1500.00", 0);
        register("ext-regular-large", "2000.00", 1);

        List<JsonNode> regular = extensions(offers("ext-regular"));

        assertThat(regular).hasSize(1);
        JsonNode extension = regular.get(0);
        assertThat(extension.get("total").asText()).isEqualTo("1500.00");
        assertThat(extension.get("firstDueDate").asText()).isEqualTo("2026-03-23"); // 16 March + 7 days
        assertThat(extension.get("installmentCount").asInt()).isEqualTo(1);
        assertThat(extension.get("installments").findValuesAsText("dueDate")).containsExactly("2026-03-23");
        assertThat(extension.get("installments").findValuesAsText("amount")).containsExactly("1500.00");
        assertThat(extension.get("receivables").get(0).asText()).isEqualTo("ext-regular");
        // a new customer, and a regular one owing R$ 2.000,00 or more, may not move the due date
        assertThat(extensions(offers("ext-new"))).isEmpty();
        assertThat(extensions(offers("ext-regular-large"))).isEmpty();
    }

    @Test
    void acceptingTheExtensionMakesAOneInstallmentAgreementOnTheNewDateAndConfirmsIt() {
        register("ext-accept", "1500.00", 1);
        String offerId = extensions(offers("ext-accept")).get(0).get("id").asText();

        ResponseEntity<JsonNode> created = accept(offerId);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode agreement = created.getBody();
        assertThat(agreement.get("kind").asText()).isEqualTo("EXTENSION");
        assertThat(agreement.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(agreement.get("installments")).hasSize(1);
        assertThat(agreement.at("/installments/0/dueDate").asText()).isEqualTo("2026-03-23");
        assertThat(agreement.at("/installments/0/amount").asText()).isEqualTo("1500.00");
        assertThat(http.getForObject("/api/receivables/ext-accept", JsonNode.class).get("status").asText()).isEqualTo("IN_AGREEMENT");
        assertThat(caseOf("ext-accept")).isWaitingAt(CollectionProcess.AWAIT_AGREEMENT_OUTCOME);
        long id = receivables.findByExternalId("ext-accept").orElseThrow().id();
        List<ContactService.Contact> confirmations = contacts.forReceivable(id).stream()
                .filter(c -> c.kind() == MessageKind.AGREEMENT).toList();
        assertThat(confirmations).isNotEmpty().allSatisfy(c -> assertThat(c.body()).contains("23/03/2026"));
        assertThat(confirmations).anySatisfy(c -> assertThat(c.subject() + "\n" + c.body())
                .contains("Prorrogação confirmada", "16/03/2026", "R$ 1.500,00", "Multa", "Juros de mora", "Régua Demonstração"));
    }

    @Test
    void aSecondExtensionOfTheSameReceivableIsRefusedNamingTheField() {
        register("ext-twice", "1500.00", 1);
        String first = extensions(offers("ext-twice")).get(0).get("id").asText();
        setClock("2026-03-03T10:00:00-03:00");
        // the same terms offered a day later: another offer, as a second tab or an old message would hold
        String second = extensions(offers("ext-twice")).get(0).get("id").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(accept(first).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> refused = accept(second);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("field").asText()).isEqualTo("offerId");
        assertThat(refused.getBody().get("detail").asText()).contains("already extended once");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).list()
                .stream().filter(p -> agreementCovers(p, "ext-twice")).count()).isEqualTo(1);
    }

    @Test
    void missingTheNewDateBreaksTheExtensionAndCollectionResumes() {
        register("ext-broken", "1500.00", 1);
        String agreementId = accept(extensions(offers("ext-broken")).get(0).get("id").asText()).getBody().get("id").asText();
        ProcessInstance agreement = runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
                .processInstanceBusinessKey(agreementId).singleResult();

        // nothing paid: the reminder before 23 March, then the grace after it ends
        fireTimersUntilPassed(agreement.getId(), AgreementProcess.TASK_BREAK, 5);

        assertThat(http.getForObject("/api/agreements/" + agreementId, JsonNode.class).get("status").asText()).isEqualTo("BROKEN");
        JsonNode view = http.getForObject("/api/receivables/ext-broken", JsonNode.class);
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        runContinuation(caseOf("ext-broken").getId()); // the case leaves its wait in a job of its own
        assertThat(caseOf("ext-broken")).isNotWaitingAt(CollectionProcess.AWAIT_AGREEMENT_OUTCOME);
        assertThat(hasPassed(caseOf("ext-broken").getId(), CollectionProcess.AWAIT_AGREEMENT_OUTCOME)).isTrue();
        // the receivable was extended once: no second extension, whatever the debtor's segment now
        assertThat(extensions(offers("ext-broken"))).isEmpty();
    }

    private boolean agreementCovers(ProcessInstance p, String externalId) {
        JsonNode a = http.getForObject("/api/agreements/" + p.getBusinessKey(), JsonNode.class);
        return a.get("receivables").toString().contains("\"" + externalId + "\"");
    }
}
