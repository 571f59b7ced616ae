package br.com.regua.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unsafe setting into Spring Boot's short start-up failure report instead of a stack trace. */
class UnsafeSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingException cause) {
        return new FailureAnalysis("Régua refuses to start: " + cause.getMessage(),
                "Set " + cause.setting() + " (see the README, section Running on PostgreSQL) and start again.", cause);
    }
}
