package br.com.regua.settings;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Régua's settings.
 *
 * @param rulesDir     the policy files (DRL) compiled at start-up
 * @param processesDir the BPMN files deployed at start-up (unchanged files are not redeployed)
 * @param timeZone     the business time zone: due dates, contact windows and day counts use it
 * @param creditor     who collects: every message names them (CDC art. 42-A)
 * @param migrateRunningCases when a changed BPMN becomes a new version: false, the running cases finish on
 *                     the version they started on (Camunda's default); true, they move to the new version
 *                     (a migration plan mapping equal activity ids, run as a batch)
 */
@ConfigurationProperties(prefix = "regua")
public record ReguaProperties(
        @DefaultValue("./rules") Path rulesDir,
        @DefaultValue("./processes") Path processesDir,
        @DefaultValue("America/Sao_Paulo") ZoneId timeZone,
        @DefaultValue Creditor creditor,
        @DefaultValue("false") boolean migrateRunningCases) {

    /** The creditor's identification as printed in messages. */
    public record Creditor(
            @DefaultValue("Régua Demonstração Ltda.") String name,
            @DefaultValue("14.572.457/0001-85") String document,
            @DefaultValue("Av. Paulista, 1000, São Paulo - SP") String address,
            @DefaultValue("(11) 4000-0000") String phone) {
    }
}
