package br.com.regua.bpmnguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What a BPMN file may hold, checked on the whole document before the engine reads any of it.
 * Refused: a script, in any form (script task, script listener, script in an input or output, a
 * condition in a script language, a script kept in an external resource); a Java class outside
 * Régua ({@code camunda:class}, form handlers, variable mappings, custom form validators); a
 * service task of a built-in type that acts on the server (shell, mail); and any expression, in
 * any attribute or text, that is more than names, property paths from process variables,
 * literals and operators ({@link ExpressionRules}).
 */
public final class BpmnGuard {

    /** Régua's own classes: the only ones a BPMN may name. */
    static final String REGUA_PACKAGE = "br.com.regua.";

    private static final Set<String> CAMUNDA_NAMESPACES =
            Set.of(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS, BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS);
    /** The one built-in task type that runs nothing on the server: work handed to an external worker. */
    private static final String EXTERNAL_TASK_TYPE = "external";

    private final ExpressionRules expressions;

    public BpmnGuard(ExpressionRules expressions) {
        this.expressions = expressions;
    }

    /**
     * Something refused: the element it is on, the id of the BPMN element that holds it (where a
     * person finds it in the Modeler), and what and why.
     */
    public record Violation(Element element, String elementId, String message) {
    }

    public List<Violation> check(Element definitions) {
        List<Violation> found = new ArrayList<>();
        check(definitions, definitions.attribute("id"), found);
        return found;
    }

    private void check(Element element, String enclosingId, List<Violation> found) {
        String id = BpmnParser.BPMN20_NS.equals(element.getUri()) && element.attribute("id") != null
                ? element.attribute("id") : enclosingId;
        String where = id == null ? "" : id + ", ";
        boolean camunda = CAMUNDA_NAMESPACES.contains(element.getUri());

        if (BpmnParser.BPMN20_NS.equals(element.getUri()) && "scriptTask".equals(element.getTagName())) {
            found.add(new Violation(element, id, where + "script task: scripts run code on the server and are not deployed"));
        }
        if (camunda && "script".equals(element.getTagName())) {
            found.add(new Violation(element, id, where + name(element) + ": scripts (in listeners, inputs, outputs) run code "
                    + "on the server and are not deployed"));
        }
        // a custom form field validator is named by its class, or by an expression (checked below with every attribute)
        String config = element.attribute("config");
        if (camunda && "constraint".equals(element.getTagName()) && "validator".equals(element.attribute("name")) && config != null) {
            if (!ExpressionRules.isExpression(config) && !config.strip().startsWith(REGUA_PACKAGE)) {
                found.add(new Violation(element, id, where + "camunda:constraint config: the validator class " + config
                        + " is not one of Régua's (" + REGUA_PACKAGE + "...)"));
            }
        }

        for (String key : element.attributes()) {
            String value = element.attribute(key);
            String attribute = attributeName(key);
            boolean camundaAttribute = isCamundaKey(key);
            String label = (camundaAttribute ? "camunda:" : "") + attribute;
            // camunda:class on a task, class on a camunda:executionListener or camunda:taskListener
            if ((camundaAttribute || camunda) && ("class".equals(attribute) || attribute.endsWith("Class"))
                    && !ExpressionRules.isExpression(value) && !value.strip().startsWith(REGUA_PACKAGE)) {
                found.add(new Violation(element, id, where + label + ": the class " + value + " is not one of Régua's ("
                        + REGUA_PACKAGE + "...)"));
            }
            if (camundaAttribute && "type".equals(attribute) && !EXTERNAL_TASK_TYPE.equals(value)) {
                found.add(new Violation(element, id, where + label + "=\"" + value + "\": a built-in task type that acts on the "
                        + "server; only \"" + EXTERNAL_TASK_TYPE + "\" is deployed"));
            }
            // camunda:resource on a script task, resource on a camunda:script
            if ("resource".equals(attribute) && (camundaAttribute || camunda)) {
                found.add(new Violation(element, id, where + label + ": a script kept in an external resource (" + value
                        + ") runs code on the server and is not deployed"));
            }
            if (!camundaAttribute && key.equals("language")) {
                found.add(new Violation(element, id, where + name(element) + " language=\"" + value + "\": an expression in a "
                        + "script language runs code on the server and is not deployed"));
            }
            expressions.problem(value).ifPresent(why -> found.add(new Violation(element, id, where + label + ": " + why)));
        }
        expressions.problem(element.getText())
                .ifPresent(why -> found.add(new Violation(element, id, where + name(element) + ": " + why)));

        for (Element child : element.elements()) {
            check(child, id, found);
        }
    }

    /** The element as a person reads it in the XML: {@code camunda:inputParameter "stage"}, {@code conditionExpression}. */
    private static String name(Element element) {
        String prefix = CAMUNDA_NAMESPACES.contains(element.getUri()) ? "camunda:" : "";
        String name = element.attribute("name");
        return prefix + element.getTagName() + (name == null ? "" : " \"" + name + "\"");
    }

    /** The engine keys a namespaced attribute as {@code uri:name}, others by their name alone. */
    private static String attributeName(String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }

    private static boolean isCamundaKey(String key) {
        for (String namespace : CAMUNDA_NAMESPACES) {
            if (key.startsWith(namespace + ":")) {
                return true;
            }
        }
        return false;
    }
}
