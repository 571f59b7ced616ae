package br.com.regua.retention;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param closedCases how long after a debt closed its messages, decisions, timeline and events are
 *                    kept: five years, the time to claim a debt in court (Código Civil art. 206 §5 I)
 *                    and a consumer's time to claim damages (CDC art. 27), which the personal data in
 *                    them may be kept for (LGPD art. 16 I and art. 7 VI)
 * @param purge       when the purge runs on each node (a cron expression; "-" never)
 * @param batchSize   debts purged in one transaction
 */
@ConfigurationProperties(prefix = "regua.retention")
public record RetentionProperties(@DefaultValue("P5Y") Period closedCases, @DefaultValue("0 30 3 * * *") String purge,
                                  @DefaultValue("500") int batchSize) {
}
