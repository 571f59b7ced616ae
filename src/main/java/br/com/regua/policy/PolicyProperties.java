package br.com.regua.policy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy workbench's settings ({@code regua.policy}).
 *
 * @param reloadInterval how often the rules directory and other nodes' activations are looked at
 * @param approval       {@code required}: four eyes — a version a credit manager sends through the API
 *                       is only proposed, and a different person activates it
 */
@ConfigurationProperties(prefix = "regua.policy")
public record PolicyProperties(@DefaultValue("PT2S") Duration reloadInterval, @DefaultValue("none") Approval approval) {

    public enum Approval {
        NONE, REQUIRED
    }
}
