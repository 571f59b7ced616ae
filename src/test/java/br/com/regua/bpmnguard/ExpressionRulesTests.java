package br.com.regua.bpmnguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an expression in a BPMN may be, read with the engine's own JUEL parser. */
class ExpressionRulesTests {

    private final ExpressionRules rules = new ExpressionRules(Set.of("executeStepDelegate", "classifyDebtorDelegate")::contains);

    @ParameterizedTest
    @ValueSource(strings = {
            "${nextStage == 'PRE_DUE_REMINDER'}",
            "${!allPaid}",
            "${taskPriority}",
            "${executeStepDelegate}",
            "${nextStepAt}",
            "#{stepCarriedOut}",
            "${collectionGoesOn && !(amount > 100.5 || empty reason)}",
            "${segment == 'GOOD_PAYER' ? 5 : -1}",
            "${decision.segment}",
            "${offer['installments'][0]}",
            "Call ${customerName} about ${amount}",
            "${null}",
            "no expression at all",
            "\\${escaped.getClass()}"})
    void namesLiteralsOperatorsAndPathsFromVariablesAreAllowed(String expression) {
        assertThat(rules.problem(expression)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${environment.getProperty('user.dir')}                                          | calls a method (getProperty)",
            "${''.getClass().forName('java.lang.Runtime')}                                   | calls a method (forName)",
            "${execution.getProcessEngineServices().getRuntimeService()}                     | calls a method (getRuntimeService)",
            "#{runtime.exec('id')}                                                           | calls a method (exec)",
            "${a}${b.c(1)}                                                                   | calls a method (c)",
            "${now()}                                                                        | calls a function (now)",
            "${execution.processEngineServices.runtimeService}                               | walks into the engine's execution object",
            "${task.execution}                                                               | walks into the engine's task object",
            "${executeStepDelegate.schedule}                                                 | walks into the delegate executeStepDelegate",
            "${reason.class}                                                                 | reads the class of an object",
            "${reason['class'].name}                                                         | reads the class of an object",
            "${'abc'.bytes}                                                                  | reads a property of something that is not a process variable",
            "${a.b(}                                                                         | is not an expression the engine can read"})
    void anythingThatRunsCodeOrReachesTheEngineIsRefusedSayingWhy(String expression, String why) {
        assertThat(rules.problem(expression)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(expression).contains(why));
    }
}
