package br.com.regua.bpmnguard;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a BPMN may be: names (process variables, Régua's delegates), property
 * paths that start at a process variable, literals and operators. Nothing that runs code: no
 * method call, no function, no walk into the engine's own objects or into a delegate, no
 * {@code class} property. The expression is read with the same JUEL parser the engine uses, so
 * what is checked is what would run.
 */
public final class ExpressionRules {

    /**
     * Names the engine resolves to its own objects (the execution, the task...): a property path
     * from them reaches the process engine and everything it holds.
     */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask", "variableContext");

    private static final String ALLOWED = "an expression may only name process variables and Régua's delegates, "
            + "with literals and operators";

    // the features of the engine's own parser: method calls parse as calls, so they are seen and refused
    private final Builder parser = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private final Predicate<String> isDelegate;

    /** @param isDelegate whether a name is one of Régua's delegates (a delegate may be named, not walked into) */
    public ExpressionRules(Predicate<String> isDelegate) {
        this.isDelegate = isDelegate;
    }

    /** Whether the text holds an expression ({@code ${...}} or {@code #{...}}), as the engine decides it. */
    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why {@code text} is refused, or empty when it may be deployed. */
    public Optional<String> problem(String text) {
        if (!isExpression(text)) {
            return Optional.empty();
        }
        Node root;
        try {
            root = parser.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return Optional.of(text + " is not an expression the engine can read: " + e.getMessage());
        }
        return Optional.ofNullable(check(root)).map(why -> text + " " + why + "; " + ALLOWED);
    }

    /** Null when the node and everything under it is allowed. */
    private String check(Node node) {
        if (node instanceof AstMethod method) {
            String name = propertyName(method.getChild(0));
            return name == null ? "calls a method" : "calls a method (" + name + ")";
        }
        if (node instanceof AstFunction function) {
            return "calls a function (" + function.getName() + ")";
        }
        if (node instanceof AstProperty property) {
            String problem = checkPath(property);
            if (problem != null) {
                return problem;
            }
        } else if (!(node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
                || node instanceof AstIdentifier || node instanceof AstLiteral || node instanceof AstBinary
                || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstNested)) {
            // fail closed: a construct not named here is refused, whatever it does
            return "uses " + node + ", which is not allowed";
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String problem = check(node.getChild(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String checkPath(AstProperty property) {
        String name = propertyName(property);
        if ("class".equals(name)) {
            return "reads the class of an object";
        }
        Node root = property;
        while (root instanceof AstProperty) {
            root = root.getChild(0);
        }
        if (!(root instanceof AstIdentifier identifier)) {
            return "reads a property of something that is not a process variable";
        }
        if (ENGINE_OBJECTS.contains(identifier.getName())) {
            return "walks into the engine's " + identifier.getName() + " object";
        }
        if (isDelegate.test(identifier.getName())) {
            return "walks into the delegate " + identifier.getName();
        }
        return null;
    }

    /** The property a path step reads: {@code a.b} and {@code a['b']} read b; null when computed. */
    private static String propertyName(Node step) {
        if (step instanceof AstDot) {
            // the parser keeps the name private; its text is ". name"
            return step.toString().substring(2);
        }
        if (step instanceof AstBracket && step.getChild(1) instanceof AstString key) {
            String quoted = key.toString();
            return quoted.substring(1, quoted.length() - 1);
        }
        return null;
    }
}
