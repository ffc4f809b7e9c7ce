package io.adlift.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command lines answered before Spring starts, and those handed on to it. */
class CommandLineCheckTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Optional<Integer> answer(String... args) {
        return CommandLineCheck.answer(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldAnswerHelpWithTheCommands() {
        assertThat(answer("--help")).contains(0);
        assertThat(out.toString()).contains("Usage: adlift").contains("run").contains("status").contains("serve");
    }

    @Test
    void shouldAnswerACommandsHelpWithItsOptions() {
        assertThat(answer("run", "--help")).contains(0);
        assertThat(out.toString()).contains("Usage: adlift run").contains("--input").contains("--business-date");
    }

    @Test
    void shouldAnswerTheVersion() {
        assertThat(answer("--version")).contains(0);
        assertThat(out.toString().strip()).matches("adlift \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldNameAMistypedCommandAndSuggestTheIntendedOne() {
        assertThat(answer("rnu", "ad-conversions")).contains(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("'rnu'").contains("Did you mean: adlift run?");
    }

    @Test
    void shouldNameAMistypedOptionAndSuggestTheIntendedOne() {
        assertThat(answer("status", "--jsn")).contains(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("'--jsn'").contains("--json");
    }

    @Test
    void shouldNameAMissingOption() {
        assertThat(answer("run", "ad-conversions")).contains(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("Missing required option").contains("--input")
                .contains("adlift run --help");
    }

    @Test
    void shouldHandOnACommandToRunLeavingSpringsPropertiesToSpring() {
        assertThat(answer("runs", "--limit", "3", "--spring.datasource.url=jdbc:h2:mem:x")).isEmpty();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldShowTheUsageForNoCommandAtAll() {
        assertThat(answer()).contains(ExitCode.USAGE.code());
        assertThat(out.toString()).contains("Usage: adlift");
    }
}
