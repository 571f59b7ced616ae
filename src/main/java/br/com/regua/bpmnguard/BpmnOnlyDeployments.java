package br.com.regua.bpmnguard;

import java.util.Arrays;
import java.util.stream.Stream;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Refuses DMN and CMMN files in a deployment. Régua's decisions are the policy in {@code rules/}
 * (Drools), and it has no case models; both kinds of file can carry expressions in JUEL or in a
 * script language, which the engine would run, so no deployment brings them in. Runs before the
 * engine's own deployers, for every deployment.
 */
public final class BpmnOnlyDeployments implements Deployer {

    private static final String[] REFUSED_SUFFIXES = Stream.concat(Arrays.stream(DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES),
            Arrays.stream(CmmnDeployer.CMMN_RESOURCE_SUFFIXES)).toArray(String[]::new);

    @Override
    public void deploy(DeploymentEntity deployment) {
        for (String resource : deployment.getResources().keySet()) {
            for (String suffix : REFUSED_SUFFIXES) {
                if (resource.endsWith(suffix)) {
                    throw new NotValidException("resource " + resource + ": DMN and CMMN files are not deployed; Régua's "
                            + "decisions are its policy (rules/), and such files can carry code the engine would run");
                }
            }
        }
    }
}
