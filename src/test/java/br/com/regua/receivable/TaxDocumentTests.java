package br.com.regua.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxDocumentTests {

    @ParameterizedTest
    @ValueSource(strings = {"111.444.777-35", "123.456.789-09", "52998224725"})
    void acceptsPublishedValidCpfs(String cpf) {
        assertThat(TaxDocument.isValidCpf(cpf)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"111.444.777-36", "123.456.789-00", "111.111.111-11", "1234567890", "abc.def.ghi-jk", ""})
    void rejectsWrongCheckDigitsRepeatedDigitsAndWrongLengths(String cpf) {
        assertThat(TaxDocument.isValidCpf(cpf)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.572.457/0001-85", "14572457000185", "12.ABC.345/01DE-35", "12abc34501de35"})
    void acceptsNumericAndAlphanumericCnpjs(String cnpj) {
        assertThat(TaxDocument.isValidCnpj(cnpj)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.572.457/0001-86", "12.ABC.345/01DE-36", "00.000.000/0000-00", "12.ABC.345/01DE-3A"})
    void rejectsWrongCnpjs(String cnpj) {
        assertThat(TaxDocument.isValidCnpj(cnpj)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void masksDocumentsForLogs() {
        assertThat(TaxDocument.mask("111.444.777-35")).isEqualTo("***.444.777-**").doesNotContain("111");
        assertThat(TaxDocument.mask("14572457000185")).isEqualTo("**.572.457/****-**");
    }
}
