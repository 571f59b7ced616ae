package br.com.regua.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import br.com.regua.support.TestPolicy;

/**
 * A server of its own for the policy workbench's tests, which change the active policy: its own
 * database and its own copy of the rules directory, edited by the tests to prove hot reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-policy-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.policy.reload-interval=PT0.2S"})
@ActiveProfiles("simulation")
abstract class PolicySpringTests {

    static final Path RULES = copyOfTheRules();

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        registry.add("regua.rules-dir", RULES::toString);
    }

    private static Path copyOfTheRules() {
        try {
            Path dir = Files.createTempDirectory("regua-rules");
            FileSystemUtils.copyRecursively(TestPolicy.DIR, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    // a temporary directory: the system cleans it up anyway
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
