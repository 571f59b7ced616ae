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

    @Test
    void everyStageTheTablesNameIsAStageOfTheCollectionProcess() {
        CompiledPolicy policy = CompiledPolicy.compile(CompiledPolicy.readDirectory(Path.of("rules")), br.com.regua.support.ProcessStages.collection());

        assertThat(policy.ruleNames()).contains("Everybody gets the formal notice", "Large risky debts get the formal notice early");
    }

    @Test
    void aTableCellNamingAStageTheProcessDoesNotHaveIsRefusedAtItsRow() {
        Map<String, String> files = new HashMap<>(LogicWithTestTables.files());
        String table = files.get("escalation.drl.csv");
        files.put("escalation.drl.csv", table.replace(",FORMAL_NOTICE,30", ",FORMAL_NOTIC,30"));
        int row = table.lines().toList().indexOf(table.lines().filter(l -> l.endsWith(",FORMAL_NOTICE,30")).findFirst().orElseThrow()) + 1;

        assertThatThrownBy(() -> CompiledPolicy.compile(files, br.com.regua.support.ProcessStages.collection()))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.file()).isEqualTo("escalation.drl.csv");
                    assertThat(err.line()).isEqualTo(row);
                    assertThat(err.message()).startsWith("no stage FORMAL_NOTIC in the collection process");
                }));
    }
}
