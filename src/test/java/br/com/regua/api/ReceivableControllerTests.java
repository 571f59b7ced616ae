package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import br.com.regua.config.JsonConfig;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.security.AuditLog;
import br.com.regua.security.Role;
import br.com.regua.security.SecuritySlice;

/**
 * The receivables' HTTP layer alone ({@code @WebMvcTest}): what a backend sends is read strictly,
 * answered as a problem detail naming the field, and the ledger is never asked when the request
 * cannot be read or the caller may not make it. The feature behind it is a mock here; the
 * end-to-end tests ({@link ReceivableApiTests}, {@link InputHardeningTests}) keep the whole server.
 */
@WebMvcTest(ReceivableController.class)
@Import({SecuritySlice.class, JsonConfig.class})
class ReceivableControllerTests {

    @Autowired
    MockMvc http;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditLog audit;
    @MockitoBean
    ReceivableService receivables;
    @MockitoBean
    ReceivableViews views;
    @MockitoBean
    DecisionRecorder decisions;

    static UserRequestPostProcessor as(Role role) {
        return user("someone-" + role.group()).authorities(new SimpleGrantedAuthority(role.group()));
    }

    ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(request.with(as(Role.INTEGRATION)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ObjectNode receivable(String externalId) throws Exception {
        return (ObjectNode) json.readTree(ReceivableApiTests.body(externalId));
    }

    static void assertInvalid(ResultActions response, String field) throws Exception {
        response.andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://regua.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.field").value(field));
        assertThat(response.andReturn().getResponse().getContentAsString()).doesNotContain("java.", "Exception", "br.com.regua");
    }

    static Receivable registered(String externalId) {
        return new Receivable(1, externalId, 1, "hash", new BigDecimal("1500.00"), LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-16"), "Mensalidade escolar de março", null, ReceivableStatus.OPEN, "REGISTERED", null, null,
                "PRE_DUE_REMINDER", null, "case-1", 0, Map.of(), null);
    }

    static ReceivableView view(String externalId) {
        return new ReceivableView(externalId, "OPEN", "REGISTERED", "Registered", null, "case-1",
                new ReceivableView.CustomerRef("cust-" + externalId, "João Pereira", "CONSUMER"), new BigDecimal("1500.00"),
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-16"), "Mensalidade escolar de março", null, null, List.of());
    }

    @Test
    void aReceivableReadInFullIsHandedToTheLedgerAnsweredCreatedAndAgainAsExisting() throws Exception {
        Receivable stored = registered("slice-1");
        when(receivables.register(any())).thenReturn(new ReceivableService.Registration(stored, true),
                new ReceivableService.Registration(stored, false));
        when(views.of(stored)).thenReturn(view("slice-1"));

        send(post("/api/receivables"), receivable("slice-1").toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalId").value("slice-1"))
                // money goes out as it came in: a string, never a double
                .andExpect(jsonPath("$.amount").value("1500.00"));
        send(post("/api/receivables"), receivable("slice-1").toString()).andExpect(status().isOk());

        ArgumentCaptor<NewReceivable> read = ArgumentCaptor.forClass(NewReceivable.class);
        verify(receivables, org.mockito.Mockito.times(2)).register(read.capture());
        assertThat(read.getValue().amount()).isEqualByComparingTo("1500.00");
        assertThat(read.getValue().dueDate()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(read.getValue().customer().document()).isEqualTo("111.444.777-35");
    }

    @Test
    void textAfterTheJsonIsRefusedNamingTheBody() throws Exception {
        String body = receivable("slice-trailing").toString();

        assertInvalid(send(post("/api/receivables"), body + " xyz"), "body");
        assertInvalid(send(post("/api/receivables"), body + " {}"), "body");
        assertInvalid(send(post("/api/receivables/batch"), "{\"items\": [" + body + "]} []"), "body");
        verifyNoInteractions(receivables);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheField() throws Exception {
        String body = receivable("slice-dup").toString();
        String twice = body.replace("\"amount\":\"1500.00\"", "\"amount\":\"1\",\"amount\":\"2\"");

        assertInvalid(send(post("/api/receivables"), twice), "amount");
        assertInvalid(send(post("/api/receivables"), body.replace("\"name\":", "\"name\":\"Outro\",\"name\":")), "customer.name");
        // in a batch the whole body is unreadable: nothing of it is registered, not even the valid item
        assertInvalid(send(post("/api/receivables/batch"), "{\"items\": [" + receivable("slice-dup-other") + ", " + twice + "]}"),
                "items[1].amount");
        verifyNoInteractions(receivables);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1500.0", "1500", "\"1e5\"", "\"1.5E3\"", "\"1500.00 \"", "\"+1500.00\"", "\"R$ 1500,00\"", "true", "{}"})
    void moneyThatIsNotAPlainDecimalStringIsRefused(String amount) throws Exception {
        ObjectNode request = receivable("slice-money");
        request.set("amount", json.readTree(amount));

        assertInvalid(send(post("/api/receivables"), request.toString()), "amount");
        verifyNoInteractions(receivables);
    }

    @Test
    void aBatchRefusesItsUnreadableItemsOnTheirOwnAndHandsTheOthersOn() throws Exception {
        ObjectNode number = receivable("slice-batch-number");
        number.put("amount", 1500.0);
        ObjectNode exponent = receivable("slice-batch-exponent");
        exponent.put("amount", "1e5");
        String body = "{\"items\": [" + receivable("slice-batch-ok") + ", null, " + number + ", " + exponent + "]}";
        when(receivables.registerAll(anyList())).thenReturn(List.of(
                new ReceivableService.Outcome(new ReceivableService.Registration(registered("slice-batch-ok"), true), null)));

        send(post("/api/receivables/batch"), body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.invalid").value(3))
                .andExpect(jsonPath("$.results[*].status").value(org.hamcrest.Matchers.contains(201, 400, 400, 400)))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("items[1]"))
                .andExpect(jsonPath("$.results[2].errors[0].field").value("amount"))
                .andExpect(jsonPath("$.results[3].errors[0].field").value("amount"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<NewReceivable>> handed = ArgumentCaptor.forClass(List.class);
        verify(receivables).registerAll(handed.capture());
        assertThat(handed.getValue()).extracting(NewReceivable::externalId).containsExactly("slice-batch-ok");
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblemNamingTheAllowedOnes() throws Exception {
        http.perform(delete("/api/receivables").with(as(Role.INTEGRATION)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://regua.dev/problems/method-not-allowed"))
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("POST")));
    }

    @Test
    void anUnsupportedMediaTypeIsAProblemAndAsksNothing() throws Exception {
        http.perform(post("/api/receivables").with(as(Role.INTEGRATION)).contentType(MediaType.TEXT_PLAIN)
                        .content(receivable("slice-media").toString()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://regua.dev/problems/unsupported-media-type"));
        verifyNoInteractions(receivables);
    }

    @Test
    void aStrangerIsAskedForCredentialsAndACollectorIsRefusedBeforeTheLedgerIsAsked() throws Exception {
        http.perform(post("/api/receivables").contentType(MediaType.APPLICATION_JSON).content(receivable("slice-401").toString()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(header().exists("WWW-Authenticate"));
        http.perform(post("/api/receivables").with(as(Role.COLLECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content(receivable("slice-403").toString()))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        http.perform(get("/api/receivables/slice-403")).andExpect(status().isUnauthorized());

        verifyNoInteractions(receivables);
        // refused writes are audited too, with the answer they got
        verify(audit).record(eq("someone-" + Role.COLLECTOR.group()), any(), eq("POST /api/receivables"), eq(403), any());
    }
}
