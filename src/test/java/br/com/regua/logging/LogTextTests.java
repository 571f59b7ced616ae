package br.com.regua.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTests {

    @Test
    void aLineBreakCannotStartAForgedLogLine() {
        String forged = "INV-1\n2026-03-02T10:00:00.000-03:00  INFO 1 --- [main] Payment PIX-9 of 1500.00 applied";

        String safe = LogText.of(forged);

        assertThat(safe).doesNotContain("\n").startsWith("INV-1\\n2026-03-02T10:00");
        assertThat(safe.lines()).hasSize(1);
    }

    @Test
    void carriageReturnsTabsNulAndEscapeAreWrittenAsEscapes() {
        assertThat(LogText.of("a\rb\tc\u0000d\u001b[31me")).isEqualTo("a\\rb\\tc\\u0000d\\u001b[31me");
    }

    @Test
    void unicodeLineSeparatorsAndNextLineAreEscapedToo() {
        assertThat(LogText.of("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\u0085d");
    }

    @Test
    void printableTextIsKeptAsItIs() {
        assertThat(LogText.of("INV-2026:0001 João Pereira, café ☕")).isEqualTo("INV-2026:0001 João Pereira, café ☕");
        assertThat(LogText.of(null)).isEqualTo("null");
        assertThat(LogText.of(42)).isEqualTo("42");
    }
}
