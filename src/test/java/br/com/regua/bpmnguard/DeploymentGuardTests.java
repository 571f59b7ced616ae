package br.com.regua.bpmnguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ScriptEvaluationException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;

/**
 * No deployment, whoever sends it, makes the server run code that is not Régua's: the whole
 * server with its real engine and {@code /engine-rest}. Each test deploys its own process key.
 */
class DeploymentGuardTests extends ReguaSpringTests {

    private static final String PROBE_EXPRESSION = "${environment.getProperty('user.dir')}";

    /** an administrator: these tests are about what the server accepts, not about roles */
    TestRestTemplate http;

    @BeforeEach
    void signInAsAdministrator() {
        http = as(Role.ADMIN);
    }
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngineConfigurationImpl configuration;

    /** A process that starts, runs {@code elements} (which go from Start to End) and ends. */
    static String bpmn(String processId, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="Definitions_%1$s" targetNamespace="https://regua.dev/tests">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start" />
                    %2$s
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, elements);
    }

    /** One task between Start and End. */
    static String oneTask(String processId, String task) {
        return bpmn(processId, task + """
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Task_Probe" />
                <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_Probe" targetRef="End" />""");
    }

    /**
     * A path of {@code /engine-rest} on this test's engine. The server's one engine is the default
     * engine, at {@code /engine-rest/deployment/create}; the tests give theirs a unique name, and
     * the REST API serves a named engine under {@code /engine-rest/engine/<name>}.
     */
    String engineRest(String path) {
        return "/engine-rest/engine/" + engine.getName() + path;
    }

    ResponseEntity<JsonNode> deployOverHttp(String name, String fileName, String content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        form.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity(engineRest("/deployment/create"), new HttpEntity<>(form, headers), JsonNode.class);
    }

    void deploy(String processId, String xml) {
        repository.createDeployment().name(processId).addString(processId + ".bpmn", xml).deploy();
    }

    /** The deployment is refused with a parse error on {@code elementId} saying each of {@code says}; nothing is deployed. */
    void assertRefused(String processId, String xml, String elementId, String... says) {
        ParseException refused = catchThrowableOfType(ParseException.class, () -> deploy(processId, xml));

        assertThat(refused).as("deploying " + processId).isNotNull();
        assertThat(refused.getResorceReports().get(0).getErrors()).anySatisfy(problem -> {
            assertThat(problem.getMainElementId()).isEqualTo(elementId);
            assertThat(problem.getMessage()).contains(elementId).contains(says);
            assertThat(problem.getLine()).isPositive();
        });
        assertThat(repository.createDeploymentQuery().deploymentName(processId).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).count()).isZero();
    }

    @Test
    void theProbeThatReadTheServersPropertiesIsRefusedOverTheRestApiNamingTheTaskAndAttribute() {
        String probe = oneTask("probe", "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"" + PROBE_EXPRESSION + "\" />");

        ResponseEntity<JsonNode> response = deployOverHttp("probe", "probe.bpmn", probe);

        assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
        JsonNode error = response.getBody().at("/details/probe.bpmn/errors/0");
        assertThat(error.get("mainElementId").asText()).isEqualTo("Task_Probe");
        assertThat(error.get("message").asText()).contains("Task_Probe", "camunda:expression", PROBE_EXPRESSION, "getProperty");
        assertThat(repository.createDeploymentQuery().deploymentName("probe").count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"receivableService", "environment", "runtimeService", "processEngine", "dataSource"})
    void aBeanOfTheServerThatIsNotADelegateIsUnknownToExpressions(String bean) {
        String key = "reach_" + bean;
        String xml = oneTask(key, "<bpmn:serviceTask id=\"Task_Probe\" camunda:delegateExpression=\"${" + bean + "}\" />");
        // only a name: the deployment guard lets it through, so the engine's resolver is what stops it
        assertThat(deployOverHttp(key, key + ".bpmn", xml).getStatusCode().is2xxSuccessful()).isTrue();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Unknown property")
                // had the bean been reached, the engine would say it is not a JavaDelegate
                .hasMessageNotContaining("JavaDelegate");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void namesComparisonsAndReguasOwnClassesDeploy() {
        String xml = bpmn("allowed", """
                <bpmn:serviceTask id="Task_Named" camunda:delegateExpression="${executeStepDelegate}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="stage">${nextStage}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="Task_Class" camunda:class="br.com.regua.schedule.ExecuteStepDelegate" />
                <bpmn:userTask id="Task_Call" camunda:priority="${taskPriority}" camunda:candidateGroups="collectors" />
                <bpmn:exclusiveGateway id="Gateway_Which" default="Flow_Again" />
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Task_Named" />
                <bpmn:sequenceFlow id="Flow_Again" sourceRef="Gateway_Which" targetRef="Task_Named" />
                <bpmn:sequenceFlow id="Flow_Named" sourceRef="Task_Named" targetRef="Task_Class" />
                <bpmn:sequenceFlow id="Flow_Class" sourceRef="Task_Class" targetRef="Task_Call" />
                <bpmn:sequenceFlow id="Flow_Called" sourceRef="Task_Call" targetRef="Gateway_Which" />
                <bpmn:sequenceFlow id="Flow_Done" sourceRef="Gateway_Which" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${nextStage == 'NONE' &amp;&amp; !allPaid}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""");

        deploy("allowed", xml);

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("allowed").count()).isOne();
    }

    @Test
    void aMethodCallInAConditionIsRefused() {
        assertRefused("condition", bpmn("condition", """
                <bpmn:exclusiveGateway id="Gateway_Which" />
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Gateway_Which" />
                <bpmn:sequenceFlow id="Flow_Evil" sourceRef="Gateway_Which" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${''.getClass().forName('java.lang.Runtime') != null}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>"""), "Flow_Evil", "conditionExpression", "calls a method (forName)");
    }

    @Test
    void aMethodCallInATimerIsRefused() {
        assertRefused("timer", bpmn("timer", """
                <bpmn:intermediateCatchEvent id="Timer_Evil">
                  <bpmn:timerEventDefinition id="Timer_Evil_Definition">
                    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${execution.getProcessEngineServices().getRuntimeService()}</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Timer_Evil" />
                <bpmn:sequenceFlow id="Flow_Out" sourceRef="Timer_Evil" targetRef="End" />"""),
                "Timer_Evil_Definition", "timeDate", "calls a method");
    }

    @Test
    void aWalkIntoTheEngineFromAnInputMappingIsRefused() {
        assertRefused("walk", oneTask("walk", """
                <bpmn:serviceTask id="Task_Probe" camunda:delegateExpression="${executeStepDelegate}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="services">${execution.processEngineServices}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Probe", "camunda:inputParameter \"services\"", "walks into the engine's execution object");
    }

    @Test
    void aFunctionInAPriorityOrAListenerExpressionIsRefused() {
        assertRefused("priority", oneTask("priority", """
                <bpmn:userTask id="Task_Probe" camunda:priority="${dateTime().getYear()}" />"""),
                "Task_Probe", "camunda:priority", "calls a");
        assertRefused("listener", oneTask("listener", """
                <bpmn:userTask id="Task_Probe">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create" expression="${task.setAssignee('mallory')}" />
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Probe", "expression", "calls a method (setAssignee)");
    }

    @Test
    void aMethodCallInAFormFieldIsRefused() {
        assertRefused("form", oneTask("form", """
                <bpmn:userTask id="Task_Probe">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="amount" type="string" defaultValue="${environment.getProperty('spring.datasource.password')}" />
                    </camunda:formData>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Probe", "defaultValue", "calls a method (getProperty)");
    }

    @Test
    void aScriptTaskIsRefused() {
        assertRefused("scriptTask", oneTask("scriptTask", """
                <bpmn:scriptTask id="Task_Probe" scriptFormat="mvel">
                  <bpmn:script>Runtime.getRuntime().exec("id")</bpmn:script>
                </bpmn:scriptTask>"""), "Task_Probe", "script task");
    }

    @Test
    void aScriptListenerAndAScriptInAnInputAreRefused() {
        assertRefused("scriptListener", oneTask("scriptListener", """
                <bpmn:serviceTask id="Task_Probe" camunda:delegateExpression="${executeStepDelegate}">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="juel">${true}</camunda:script>
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Probe", "camunda:script", "scripts");
        assertRefused("scriptInput", oneTask("scriptInput", """
                <bpmn:serviceTask id="Task_Probe" camunda:delegateExpression="${executeStepDelegate}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="stage">
                        <camunda:script scriptFormat="mvel">"PRE_DUE_REMINDER"</camunda:script>
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Probe", "camunda:script", "scripts");
    }

    @Test
    void aConditionInAScriptLanguageAndAnExternalScriptResourceAreRefused() {
        assertRefused("scriptCondition", bpmn("scriptCondition", """
                <bpmn:exclusiveGateway id="Gateway_Which" />
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Gateway_Which" />
                <bpmn:sequenceFlow id="Flow_Evil" sourceRef="Gateway_Which" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="mvel">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>"""), "Flow_Evil", "language=\"mvel\"");
        assertRefused("scriptResource", oneTask("scriptResource", """
                <bpmn:serviceTask id="Task_Probe" camunda:delegateExpression="${executeStepDelegate}">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="mvel" resource="deployment://evil.mvel" />
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Probe", "external resource", "deployment://evil.mvel");
    }

    @Test
    void aClassOutsideReguaIsRefusedWhereverItIsNamed() {
        assertRefused("outsideClass", oneTask("outsideClass", """
                <bpmn:serviceTask id="Task_Probe" camunda:class="org.example.Evil" />"""),
                "Task_Probe", "camunda:class", "org.example.Evil");
        // the namespace Camunda still reads from Activiti files
        assertRefused("activitiClass", oneTask("activitiClass", """
                <bpmn:serviceTask id="Task_Probe" xmlns:activiti="http://activiti.org/bpmn" activiti:class="org.example.Evil" />"""),
                "Task_Probe", "camunda:class", "org.example.Evil");
        assertRefused("formHandler", bpmn("formHandler", """
                <bpmn:userTask id="Task_Probe" camunda:formHandlerClass="org.example.EvilFormHandler" />
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Task_Probe" />
                <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_Probe" targetRef="End" />"""),
                "Task_Probe", "camunda:formHandlerClass", "org.example.EvilFormHandler");
        assertRefused("listenerClass", oneTask("listenerClass", """
                <bpmn:userTask id="Task_Probe">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create" class="org.example.EvilListener" />
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Probe", "org.example.EvilListener");
        assertRefused("validator", oneTask("validator", """
                <bpmn:userTask id="Task_Probe">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="amount" type="string">
                        <camunda:validation>
                          <camunda:constraint name="validator" config="org.example.EvilValidator" />
                        </camunda:validation>
                      </camunda:formField>
                    </camunda:formData>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Probe", "org.example.EvilValidator");
    }

    @Test
    void aShellTaskIsRefused() {
        assertRefused("shell", oneTask("shell", """
                <bpmn:serviceTask id="Task_Probe" camunda:type="shell">
                  <bpmn:extensionElements>
                    <camunda:field name="command"><camunda:string>id</camunda:string></camunda:field>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "Task_Probe", "camunda:type=\"shell\"");
    }

    @Test
    void dmnAndCmmnFilesAreRefused() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Evil" name="Evil" namespace="https://regua.dev/tests">
                  <decision id="evil" name="Evil">
                    <decisionTable id="Table_Evil">
                      <input id="Input_1"><inputExpression id="Expr_1" typeRef="string" expressionLanguage="mvel"><text>Runtime.getRuntime()</text></inputExpression></input>
                      <output id="Output_1" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """;

        assertThatThrownBy(() -> repository.createDeployment().name("evilDecision").addString("evil.dmn", dmn).deploy())
                .isInstanceOf(NotValidException.class).hasMessageContaining("evil.dmn");
        assertThatThrownBy(() -> repository.createDeployment().name("evilCase").addString("evil.cmmn", "<definitions/>").deploy())
                .isInstanceOf(NotValidException.class).hasMessageContaining("evil.cmmn");
        assertThat(repository.createDeploymentQuery().deploymentName("evilDecision").count()).isZero();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("evil").count()).isZero();
    }

    @Test
    void theEngineHasNoScriptEngineForAScriptAlreadyDeployed() {
        for (String language : new String[] {"mvel", "juel", "javascript", "groovy"}) {
            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired()
                    .execute(command -> configuration.getScriptingEngines().getScriptEngineForLanguage(language)))
                    .isInstanceOf(ScriptEvaluationException.class).hasMessageContaining("runs no scripts");
        }
    }
}
