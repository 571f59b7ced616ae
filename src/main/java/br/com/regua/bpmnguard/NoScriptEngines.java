package br.com.regua.bpmnguard;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ScriptEvaluationException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's script engines: none. The class path holds JSR-223 engines that run any Java
 * (MVEL comes with Drools, JUEL with Camunda), and the engine would use them for a script task,
 * a script listener or condition, or a DMN expression in a script language. The deployment guard
 * refuses every script; this makes a script that is already deployed fail too, instead of running.
 */
public final class NoScriptEngines implements ScriptEngineResolver {

    // a manager that finds no engine: the JDK itself has carried none since Java 15
    private final ScriptEngineManager none = new ScriptEngineManager(ClassLoader.getPlatformClassLoader());

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
        throw new IllegalStateException("Régua's process engine runs no scripts; refusing the script engine "
                + scriptEngineFactory.getEngineName());
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return none;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw new ScriptEvaluationException("Régua's process engine runs no scripts (language " + language + ")");
    }
}
