package br.com.regua.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import br.com.regua.policy.Segment;

/** The approach scripts are found as the message templates are: by stage key, in the segment's tone, overridden by a directory. */
class CallScriptsTests {

    private static final Map<String, String> VALUES = Map.of("nome", "Maria da Silva", "credor", "Escola Aurora Ltda",
            "atendente", "Ana", "total", "R$ 1.540,50");

    @Test
    void aRiskyDebtorIsCalledWithTheScriptInTheirToneAndAnyOtherWithTheStagesOwn() {
        CallScripts scripts = new CallScripts(new DeskProperties(null));

        String risky = scripts.render("COLLECTOR_CALL", Segment.RISKY, VALUES);
        String regular = scripts.render("COLLECTOR_CALL", Segment.REGULAR, VALUES);

        assertThat(risky).contains("Maria da Silva", "Escola Aurora Ltda", "Ana", "R$ 1.540,50", "acordo com parcelas");
        assertThat(regular).contains("Maria da Silva", "R$ 1.540,50").doesNotContain("acordo com parcelas");
        assertThat(risky).isNotEqualTo(regular);
    }

    @Test
    void aStageWithoutAScriptOfItsOwnGetsTheDefaultOne() {
        String script = new CallScripts(new DeskProperties(null)).render("LEGAL_REFERRAL", Segment.REGULAR, VALUES);

        assertThat(script).startsWith("1. Apresente-se").contains("Maria da Silva", "Nunca ameace");
    }

    @Test
    void aManagersScriptInTheScriptsDirectoryReplacesTheBuiltInOneAndAnUnknownValueShowsAsWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("COLLECTOR_CALL.txt"), "Olá, {{nome}}: fale do total {{total}} com calma. {{apelido}}");
        CallScripts scripts = new CallScripts(new DeskProperties(dir));

        assertThat(scripts.render("COLLECTOR_CALL", Segment.REGULAR, VALUES))
                .isEqualTo("Olá, Maria da Silva: fale do total R$ 1.540,50 com calma. {{apelido}}");
        // the segment's own built-in tone still wins over the directory's plain script
        assertThat(scripts.render("COLLECTOR_CALL", Segment.RISKY, VALUES)).contains("acordo com parcelas");
    }

    @Test
    void aStageKeyThatIsNoKeyReachesNoFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "não é um roteiro");

        assertThat(new CallScripts(new DeskProperties(dir)).render("../secret", null, VALUES)).doesNotContain("não é um roteiro")
                .startsWith("1. Apresente-se");
    }
}
