package br.com.regua.bpmnguard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;

/**
 * Makes every BPMN parse of the engine check the document with the {@link BpmnGuard} first: at
 * every deployment, whoever sends it (the processes directory, {@code /engine-rest}, the Modeler),
 * and whenever the engine reads a deployed file again. A refused file is reported as the engine
 * reports a malformed one, a parse error per problem with its line and element id, and nothing of
 * it is built.
 *
 * <p>Why not a parse listener: listeners are called once elements are built, and building some
 * of them already loads classes (a start form handler is instantiated while its process is read).
 */
public final class GuardedBpmnParseFactory implements BpmnParseFactory {

    private final BpmnGuard guard;
    private final List<NewDeploymentCheck> checks;

    public GuardedBpmnParseFactory(BpmnGuard guard) {
        this(guard, List.of());
    }

    /** With the features' own checks of a new deployment ({@link NewDeploymentCheck}). */
    public GuardedBpmnParseFactory(BpmnGuard guard, List<NewDeploymentCheck> checks) {
        this.guard = guard;
        this.checks = List.copyOf(checks);
    }

    @Override
    public BpmnParse createBpmnParse(BpmnParser bpmnParser) {
        return new GuardedBpmnParse(bpmnParser, guard, checks);
    }

    private static final class GuardedBpmnParse extends BpmnParse {

        private final BpmnGuard guard;
        private final List<NewDeploymentCheck> checks;

        GuardedBpmnParse(BpmnParser parser, BpmnGuard guard, List<NewDeploymentCheck> checks) {
            super(parser);
            this.guard = guard;
            this.checks = checks;
        }

        @Override
        protected void parseRootElement() {
            List<BpmnGuard.Violation> violations = new ArrayList<>(guard.check(rootElement));
            if (violations.isEmpty() && deployment != null && deployment.isNew()) {
                checks.forEach(check -> violations.addAll(check.check(rootElement)));
            }
            if (violations.isEmpty()) {
                super.parseRootElement();
                return;
            }
            // the parse then ends with a ParseException listing them (400 on /engine-rest)
            for (BpmnGuard.Violation v : violations) {
                if (v.elementId() == null) {
                    addError(v.message(), v.element());
                } else {
                    addError(v.message(), v.element(), v.elementId());
                }
            }
        }
    }
}
