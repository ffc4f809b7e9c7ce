package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code adlift} jar as a user runs it: help, the version and usage errors are answered
 * without starting the application, and a normal command logs no INFO lines.
 */
class CommandLineProcessOnPostgresIT {

    /**
     * Spring Boot's start-up lines ("Starting AdliftApplication …", "Started AdliftApplication in …")
     * are logged at INFO by the application's logger, which the configuration quiets; these settings
     * bring them back, so that their absence means Spring did not start.
     */
    private static final List<String> STARTUP_MARKER = List.of("--logging.level.io.adlift.pipeline.AdliftApplication=INFO");

    @TempDir
    static Path dir;

    private static String run(int expectedExit, List<String> settings, String... args) throws Exception {
        try (AdliftProcess adlift = AdliftProcess.start(dir.resolve("data"), settings, args)) {
            int exit = adlift.exitCode(Duration.ofMinutes(2));
            String output = adlift.output();
            assertThat(exit).as(output).isEqualTo(expectedExit);
            return output;
        }
    }

    @Test
    void shouldPrintHelpWithoutStartingSpring() throws Exception {
        String help = run(0, STARTUP_MARKER, "--help");

        assertThat(help).contains("Usage: adlift").contains("run").contains("status").contains("serve")
                .doesNotContain("Starting AdliftApplication").doesNotContain("Started AdliftApplication");
        assertThat(run(0, STARTUP_MARKER, "run", "--help")).contains("Usage: adlift run").contains("--input")
                .doesNotContain("Starting AdliftApplication");
    }

    @Test
    void shouldShowTheStartUpMarkerWhenACommandNeedsTheApplication() throws Exception {
        // the control for the test above: with the same settings, a command that needs Spring shows it
        assertThat(run(0, STARTUP_MARKER, "pipelines")).contains("Started AdliftApplication").contains("ad-conversions");
    }

    @Test
    void shouldPrintTheVersionWithoutStartingSpring() throws Exception {
        assertThat(run(0, STARTUP_MARKER, "--version")).containsPattern("(?m)^adlift \\d+\\.\\d+\\.\\d+")
                .doesNotContain("Starting AdliftApplication");
    }

    @Test
    void shouldNameAMistypedCommandSuggestTheRightOneAndExitWithTheUsageCode() throws Exception {
        assertThat(run(2, STARTUP_MARKER, "rnu", "ad-conversions")).contains("'rnu'").contains("Did you mean: adlift run?")
                .doesNotContain("Starting AdliftApplication");
        assertThat(run(2, STARTUP_MARKER, "run", "ad-conversions")).contains("Missing required option")
                .contains("--input").doesNotContain("Starting AdliftApplication");
    }

    @Test
    void shouldReportAMisspelledSourceAsAnUnknownSourceWithTheIntendedOne() throws Exception {
        String output = run(2, List.of(), "run", "session-conversion", "--input", "campaigns=" + dir.resolve("c.csv"),
                "--input", "sesions=" + dir.resolve("s.csv"), "--input", "orders=" + dir.resolve("o.csv"));

        assertThat(output).contains("unknown source 'sesions' (sources of session-conversion: campaigns, sessions, orders)")
                .contains("did you mean 'sessions'?").doesNotContain("Exception");
    }

    @Test
    void shouldLogNoInfoLinesForANormalCommand() throws Exception {
        String output = run(0, List.of(), "pipelines");

        assertThat(output).contains("ad-conversions");
        assertThat(output.lines().filter(l -> l.contains(" INFO "))).isEmpty();
    }
}
