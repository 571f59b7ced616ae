package br.com.regua.bpmnguard;

import java.util.List;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A check a feature makes of a BPMN file when it is deployed, after the {@link BpmnGuard} let it
 * through: what the file declares must make sense to Régua (e.g. a stage must have its template).
 * Only new deployments are checked: a file already deployed is read again as it was accepted.
 */
public interface NewDeploymentCheck {

    /** What is wrong with the document, each at its element; empty when nothing is. */
    List<BpmnGuard.Violation> check(Element definitions);
}
