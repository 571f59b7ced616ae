package br.com.regua.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code regua.monitoring}.
 *
 * @param refreshInterval how often the counted gauges are counted again; a scrape in between sees the last count
 */
@ConfigurationProperties(prefix = "regua.monitoring")
public record MonitoringProperties(@DefaultValue("30s") Duration refreshInterval) {
}
