package br.com.regua.desk;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The collector desk's settings ({@code regua.desk.*}).
 *
 * @param scriptsDir a directory of call scripts that adds to and overrides the built-in ones, as the message
 *                   templates' directory does: a manager edits a script without a new build (none by default)
 */
@ConfigurationProperties(prefix = "regua.desk")
public record DeskProperties(Path scriptsDir) {
}
