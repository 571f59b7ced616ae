package br.com.regua.cases;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import br.com.regua.policy.StageCatalog;

/**
 * The stages of the collection process, as its latest deployed version declares them
 * ({@link StageDeclaration}); and those of any version, for the cases still running on it.
 * A version's stages never change once deployed, so they are read once per version; which version
 * is the latest is asked again after a deployment on this node, or at most every few seconds
 * (another node may have deployed).
 */
@Component
public class CollectionStages implements StageCatalog {

    private static final Duration LATEST_KEPT = Duration.ofSeconds(10);

    private final RepositoryService repository;
    private final StageDeclarationsCheck.Deployments deployments;
    private final Clock clock;
    private final Map<String, List<StageInfo>> byDefinition = new ConcurrentHashMap<>();
    private volatile Latest latest;

    private record Latest(String definitionId, Instant askedAt, long deployments) {
    }

    CollectionStages(RepositoryService repository, StageDeclarationsCheck.Deployments deployments, Clock clock) {
        this.repository = repository;
        this.deployments = deployments;
        this.clock = clock;
    }

    @Override
    public List<StageInfo> stages() {
        return ofDefinition(latestDefinitionId());
    }

    /** The stages of one deployed version of the collection process. */
    public List<StageInfo> ofDefinition(String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId, id -> read(repository.getBpmnModelInstance(id)));
    }

    /** The stage the element {@code activityId} of that version carries out. */
    public StageInfo atElement(String processDefinitionId, String activityId) {
        return ofDefinition(processDefinitionId).stream().filter(s -> s.elementId().equals(activityId)).findFirst()
                .orElseThrow(() -> new ProcessEngineException("the element " + activityId + " of " + processDefinitionId
                        + " declares no stage (extension property \"" + StageDeclaration.KEY + "\")"));
    }

    private String latestDefinitionId() {
        Latest known = latest;
        Instant now = clock.instant();
        long deployed = deployments.count();
        if (known == null || known.deployments() != deployed || known.askedAt().plus(LATEST_KEPT).isBefore(now)
                || now.isBefore(known.askedAt())) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(CollectionProcess.KEY)
                    .latestVersion().withoutTenantId().singleResult();
            if (definition == null) {
                throw new IllegalStateException("the collection process is not deployed");
            }
            known = new Latest(definition.getId(), now, deployed);
            latest = known;
        }
        return known.definitionId();
    }

    /** The stages a BPMN file declares, in the order of the schedule; a file with a wrong declaration is refused. */
    public static List<StageInfo> read(InputStream bpmn) {
        return read(Bpmn.readModelFromStream(bpmn));
    }

    public static List<StageInfo> read(BpmnModelInstance model) {
        List<StageInfo> stages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            StageDeclaration.read(node.getId(), node.getName(), properties(node), problems).ifPresent(stages::add);
        }
        StageDeclaration.checkUnique(stages, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        stages.sort(Comparator.comparingInt(StageInfo::order));
        return List.copyOf(stages);
    }

    private static Map<String, String> properties(FlowNode node) {
        Map<String, String> found = new LinkedHashMap<>();
        ExtensionElements extensions = node.getExtensionElements();
        if (extensions == null) {
            return found;
        }
        for (CamundaProperties properties : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty p : properties.getCamundaProperties()) {
                Optional.ofNullable(p.getCamundaName()).ifPresent(name -> found.put(name, p.getCamundaValue()));
            }
        }
        return found;
    }
}
