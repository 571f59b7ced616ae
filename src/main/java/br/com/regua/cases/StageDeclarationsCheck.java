package br.com.regua.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import br.com.regua.bpmnguard.BpmnGuard;
import br.com.regua.bpmnguard.NewDeploymentCheck;
import br.com.regua.contact.Templates;
import br.com.regua.policy.StageCatalog.StageInfo;

/**
 * Refuses, at deployment, a BPMN whose stage declarations are wrong ({@link StageDeclaration}) or
 * whose stage that writes to the debtor has no template: the first case to reach it would
 * otherwise stop there with an incident.
 */
@Component
class StageDeclarationsCheck implements NewDeploymentCheck {

    /**
     * That this node deployed a process, for the stage catalog to ask again which version is the
     * latest. A bean of its own: the check runs while the engine is built, before the catalog (which
     * reads the engine) can be.
     */
    @Component
    static class Deployments {
        private volatile long count;

        void happened() {
            count++;
        }

        long count() {
            return count;
        }
    }

    private final Templates templates;
    private final Deployments deployments;

    StageDeclarationsCheck(Templates templates, Deployments deployments) {
        this.templates = templates;
        this.deployments = deployments;
    }

    @Override
    public List<BpmnGuard.Violation> check(Element definitions) {
        List<BpmnGuard.Violation> found = new ArrayList<>();
        List<StageInfo> stages = new ArrayList<>();
        Map<StageInfo, Element> elements = new LinkedHashMap<>();
        for (Element process : children(definitions, BpmnParser.BPMN20_NS, "process")) {
            stages.clear();
            collect(process, stages, elements, found);
            List<String> duplicates = new ArrayList<>();
            StageDeclaration.checkUnique(stages, duplicates);
            duplicates.forEach(problem -> found.add(new BpmnGuard.Violation(process, process.attribute("id"), problem)));
            for (StageInfo stage : stages) {
                if (stage.message() && !templates.exists(stage.key())) {
                    found.add(new BpmnGuard.Violation(elements.get(stage), stage.elementId(), stage.elementId() + ", stage "
                            + stage.key() + ": it writes to the debtor (message=true) but there is no template " + stage.key()
                            + ".txt; add one to the message templates first"));
                }
            }
        }
        if (found.isEmpty()) {
            deployments.happened();
        }
        return found;
    }

    private static void collect(Element element, List<StageInfo> stages, Map<StageInfo, Element> elements, List<BpmnGuard.Violation> found) {
        for (Element child : element.elements()) {
            if (!BpmnParser.BPMN20_NS.equals(child.getUri())) {
                continue;
            }
            String id = child.attribute("id");
            Map<String, String> properties = properties(child);
            if (id != null && !properties.isEmpty()) {
                List<String> problems = new ArrayList<>();
                StageDeclaration.read(id, child.attribute("name"), properties, problems).ifPresent(stage -> {
                    stages.add(stage);
                    elements.put(stage, child);
                });
                problems.forEach(problem -> found.add(new BpmnGuard.Violation(child, id, id + ": " + problem)));
            }
            collect(child, stages, elements, found);
        }
    }

    private static Map<String, String> properties(Element element) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element extensions : children(element, BpmnParser.BPMN20_NS, "extensionElements")) {
            for (Element properties : children(extensions, BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
                for (Element property : children(properties, BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                    if (property.attribute("name") != null) {
                        found.put(property.attribute("name"), property.attribute("value"));
                    }
                }
            }
        }
        return found;
    }

    private static List<Element> children(Element element, String namespace, String tag) {
        return element.elements().stream().filter(e -> namespace.equals(e.getUri()) && tag.equals(e.getTagName())).toList();
    }
}
