package br.com.regua.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import br.com.regua.bpmnguard.BpmnGuard;
import br.com.regua.bpmnguard.BpmnOnlyDeployments;
import br.com.regua.bpmnguard.DelegateBeans;
import br.com.regua.bpmnguard.ExpressionRules;
import br.com.regua.bpmnguard.GuardedBpmnParseFactory;
import br.com.regua.bpmnguard.NewDeploymentCheck;
import br.com.regua.bpmnguard.NoScriptEngines;

/**
 * Limits what a deployed process can make the server do, whoever deployed it. The Spring Boot
 * starter lets an expression name any bean of the application context, and Camunda runs scripts
 * with any script engine on the class path: one BPMN sent to {@code /engine-rest} could call into
 * the whole server. Here expressions see only Régua's delegates (and the case's variables), every
 * BPMN is checked before it is read ({@link BpmnGuard}), DMN and CMMN files are refused, and no
 * script engine is available.
 */
@Component
public class ProcessEngineSandbox extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private DelegateBeans beans;
    private SpringExpressionManager expressionManager;
    private NoScriptEngines scriptEngines;

    public ProcessEngineSandbox(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the delegates need the engine's services: they are looked up by name when an expression names one
        beans = new DelegateBeans(context);
        configuration.setBeans(beans);
        // replaces the starter's expression manager, which resolves every bean of the context
        expressionManager = new SpringExpressionManager(context, beans);
        configuration.setExpressionManager(expressionManager);

        if (configuration.getBpmnParseFactory() != null) {
            throw new IllegalStateException("another BPMN parse factory is configured (" + configuration.getBpmnParseFactory().getClass()
                    + "); deployments would not be checked");
        }
        configuration.setBpmnParseFactory(new GuardedBpmnParseFactory(new BpmnGuard(new ExpressionRules(beans::containsKey)),
                context.getBeanProvider(NewDeploymentCheck.class).orderedStream().toList()));
        List<Deployer> preDeployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        preDeployers.add(new BpmnOnlyDeployments());
        configuration.setCustomPreDeployers(preDeployers);

        scriptEngines = new NoScriptEngines();
        configuration.setScriptEngineResolver(scriptEngines);
        configuration.setEnableFetchScriptEngineFromProcessApplication(false);
    }

    /** A plugin configured after this one must not have undone it. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getBeans() != beans || configuration.getExpressionManager() != expressionManager
                || !(configuration.getBpmnParseFactory() instanceof GuardedBpmnParseFactory)
                || configuration.getScriptEngineResolver() != scriptEngines) {
            throw new IllegalStateException("the process engine's expression beans, BPMN parse or script engines were changed "
                    + "after " + getClass().getSimpleName() + " limited them");
        }
    }
}
