package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesCompileTests {

    @Test
    void everyFileOfTheDefaultPolicyCompiles() {
        CompiledPolicy policy = CompiledPolicy.fromDirectory(Path.of("rules"));

        assertThat(policy.files()).containsKeys("segmentation.drl.csv", "grace.drl", "reminders.drl", "discounts.drl.csv",
                "installments.drl",
                "escalation.drl", "priority.drl", "compliance.drl");
        assertThat(policy.version()).hasSize(12);
    }

    @Test
    void theSameFilesAlwaysGiveTheSameVersion() {
        assertThat(CompiledPolicy.fromDirectory(Path.of("rules")).version())
                .isEqualTo(CompiledPolicy.fromDirectory(Path.of("rules")).version());
    }

    @Test
    void aBrokenFileIsRejectedWithItsNameLineAndMessage(@TempDir Path dir) throws Exception {
        for (Path file : Files.list(Path.of("rules")).filter(p -> p.toString().endsWith(".drl")).toList()) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Files.writeString(dir.resolve("grace.drl"), """
                package br.com.regua.policy;

                rule "Good payers get five days of grace"
                when
                    InSegment( segment == Segment.GOOD_PAYER
                then
                    insert(new GracePeriod(5));
                end
                """);

        assertThatThrownBy(() -> CompiledPolicy.fromDirectory(dir))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> {
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors()).allSatisfy(err -> assertThat(err.file()).isEqualTo("grace.drl"));
                    assertThat(e.errors().get(0).line()).isGreaterThan(0);
                    assertThat(e.errors().get(0).message()).isNotBlank();
                });
    }

    @Test
    void aRuleThatUsesAnUnknownFactIsRejected() {
        Map<String, String> files = new HashMap<>(CompiledPolicy.fromDirectory(Path.of("rules")).files());
        files.put("extra.drl", """
                package br.com.regua.policy;
                rule "Uses a fact that does not exist"
                when
                    DebtorMood( happy )
                then
                end
                """);

        assertThatThrownBy(() -> CompiledPolicy.compile(files))
                .isInstanceOfSatisfying(PolicyCompilationException.class,
                        e -> assertThat(e.errors()).anySatisfy(err -> assertThat(err.file()).isEqualTo("extra.drl")));
    }
}
