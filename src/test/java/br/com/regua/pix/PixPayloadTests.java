package br.com.regua.pix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PixPayloadTests {

    // the static BR Code example of Banco Central's "Manual de Padrões para Iniciação do Pix"
    private static final String MANUAL_EXAMPLE = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
            + "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";

    @Test
    void reproducesTheManualsStaticExampleWithItsCrc() {
        String payload = PixPayload.of("123e4567-e12b-12d1-a456-426655440000", "Fulano de Tal", "BRASILIA", null, "***");

        assertThat(payload).isEqualTo(MANUAL_EXAMPLE);
    }

    @Test
    void crcIsTheCcittFalseChecksumOfEverythingBeforeIt() {
        String body = MANUAL_EXAMPLE.substring(0, MANUAL_EXAMPLE.length() - 4);

        assertThat(PixPayload.crc16(body)).isEqualTo("1D3D");
        assertThat(PixPayload.crc16("123456789")).isEqualTo("29B1");
    }

    @Test
    void carriesTheAmountWithTwoDecimalsAndTheTxid() {
        String payload = PixPayload.of("14572457000185", "Régua Demonstração Ltda.", "São Paulo", new BigDecimal("1534.9"), "NF2026000123");

        assertThat(payload).contains("54071534.90")
                .contains("5924Regua Demonstracao Ltda.")
                .contains("6009Sao Paulo")
                .contains("62160512NF2026000123");
        String body = payload.substring(0, payload.length() - 4);
        assertThat(payload).endsWith(PixPayload.crc16(body)).contains("6304");
    }

    @Test
    void cutsNameAndCityToTheirLimits() {
        String payload = PixPayload.of("a@b.com", "Companhia Brasileira de Cobranças Unidas", "Santana do Livramento",
                BigDecimal.TEN, "***");

        assertThat(payload).contains("5925Companhia Brasileira de C").contains("6015Santana do Livr");
    }

    @Test
    void txidKeepsOnlyLettersAndDigits() {
        assertThat(PixPayload.txidOf("NF-2026/000.123")).isEqualTo("NF2026000123");
        assertThat(PixPayload.txidOf("---")).isEqualTo("***");
        assertThat(PixPayload.txidOf("A".repeat(10) + "B".repeat(25))).isEqualTo("B".repeat(25));
    }

    @Test
    void refusesWhatNoBankAppWouldRead() {
        assertThatThrownBy(() -> PixPayload.of(" ", "X", "Y", null, "***")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PixPayload.of("k", "X", "Y", new BigDecimal("-1"), "***")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PixPayload.of("k", "X", "Y", new BigDecimal("1.005"), "***")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PixPayload.of("k", "X", "Y", null, "id with spaces")).isInstanceOf(IllegalArgumentException.class);
    }
}
