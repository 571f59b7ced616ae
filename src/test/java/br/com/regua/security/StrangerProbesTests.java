package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestUsers;

/**
 * The probes that once worked against an unprotected Régua, tried again from outside: a stranger
 * gets 401, a signed-in person without the role 403, and nothing changes.
 */
class StrangerProbesTests extends ReguaSpringTests {

    static final String BEAN_CALLING_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probe" targetNamespace="http://probe">
              <bpmn:process id="probe" name="Probe" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
                <bpmn:serviceTask id="call" name="Call a bean" camunda:expression="${environment.getProperty('user.dir')}" />
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    ReceivableService receivables;
    @Autowired
    PolicyWorkbench policy;

    @Test
    void nobodyButAnAdminDeploysAProcessThatCallsABean() {
        String deployments = "/engine-rest/engine/" + engine.getName() + "/deployment/create";
        long before = engine.getRepositoryService().createDeploymentQuery().count();

        assertThat(deploy(anonymous(), deployments).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deploy(as(Role.ANALYST), deployments).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy(as(Role.CREDIT_MANAGER), deployments).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
    }

    @Test
    void nobodyTakesOverAnAccountOrMakesAnAdministrator() {
        String engineRest = "/engine-rest/engine/" + engine.getName();
        String user = "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"intruder\"}}";
        for (TestRestTemplate caller : new TestRestTemplate[] {anonymous(), as(Role.ANALYST), as(Role.COLLECTOR)}) {
            HttpStatus expected = caller == anonymous() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
            assertThat(json(caller, HttpMethod.POST, engineRest + "/user/create", user).getStatusCode()).isEqualTo(expected);
            assertThat(json(caller, HttpMethod.PUT, engineRest + "/group/admins/members/" + TestUsers.user(Role.ANALYST), null)
                    .getStatusCode()).isEqualTo(expected);
            assertThat(json(caller, HttpMethod.PUT, engineRest + "/user/demo/credentials",
                    "{\"password\": \"taken\", \"authenticatedUserPassword\": \"x\"}").getStatusCode()).isEqualTo(expected);
            assertThat(json(caller, HttpMethod.POST, engineRest + "/identity/verify",
                    "{\"username\": \"demo\", \"password\": \"guess\"}").getStatusCode()).isEqualTo(expected);
            // Camunda's first-user setup, offered by its webapps when camunda-admin is empty: a stranger is sent to
            // the login form (this client follows the redirect), a signed-in person without the role is refused
            ResponseEntity<String> setup = json(caller, HttpMethod.POST, "/camunda/api/admin/setup/" + engine.getName()
                    + "/user/create", user);
            if (caller == anonymous()) {
                assertThat(setup.getBody()).contains("name=\"username\"");
            } else {
                assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup("admins").userId(TestUsers.user(Role.ANALYST)).count()).isZero();
        assertThat(anonymous().withBasicAuth("demo", "demo").getForEntity("/api/session", String.class).getStatusCode())
                .as("the demo account keeps its password").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aStrangerNeitherChangesThePolicyNorPaysNorCancelsADebt() {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("probe-1", "700.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        int activePolicy = policy.active().number();
        String caseId = caseOf("probe-1").getId();

        assertThat(json(anonymous(), HttpMethod.PUT, "/api/policy",
                "{\"author\": \"nobody\", \"files\": {\"grace.drl\": \"package x;\"}}").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(as(Role.INTEGRATION), HttpMethod.PUT, "/api/policy", "{\"files\": {\"grace.drl\": \"package x;\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(anonymous(), HttpMethod.POST, "/api/payments", """
                {"externalId": "probe-pay", "receivableExternalId": "probe-1", "amount": "700.00", "method": "PIX",
                 "paidAt": "2026-03-02T09:00:00-03:00"}""").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(anonymous(), HttpMethod.POST, "/api/customers/cust-probe-1/opt-outs", "{\"channel\": \"EMAIL\"}")
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(anonymous(), HttpMethod.DELETE, "/engine-rest/engine/" + engine.getName() + "/process-instance/" + caseId,
                null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(as(Role.ANALYST), HttpMethod.DELETE, "/engine-rest/engine/" + engine.getName() + "/process-instance/"
                + caseId, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(policy.active().number()).isEqualTo(activePolicy);
        assertThat(receivables.get("probe-1").status()).isEqualTo(ReceivableStatus.OPEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isEqualTo(1);
        assertThat(as(Role.INTEGRATION).getForEntity("/api/customers/cust-probe-1/opt-outs", Map.class).getBody().toString())
                .doesNotContain("EMAIL");
    }

    private ResponseEntity<String> deploy(TestRestTemplate caller, String path) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "probe");
        form.add("probe.bpmn", new ByteArrayResource(BEAN_CALLING_BPMN.getBytes()) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return caller.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private static ResponseEntity<String> json(TestRestTemplate caller, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return caller.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
