package io.adlift.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlift.pipeline.definition.DefinitionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputArgumentsTest {

    private static final List<String> SOURCES = List.of("campaigns", "sessions", "orders");

    @Test
    void shouldReportAMisspelledSourceWithTheSourcesAndTheClosestOne() {
        assertThatThrownBy(() -> InputArguments.bySource("session-conversion", SOURCES,
                List.of("campaigns=c.csv", "sesions=s.csv", "orders=o.csv")))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("unknown source 'sesions' (sources of session-conversion: campaigns, sessions, "
                        + "orders); did you mean 'sessions'?");
    }

    @Test
    void shouldSuggestNothingForANameFarFromEverySource() {
        assertThatThrownBy(() -> InputArguments.bySource("session-conversion", SOURCES, List.of("zzz=s.csv")))
                .hasMessageContaining("unknown source 'zzz'").hasMessageNotContaining("did you mean");
    }

    @Test
    void shouldMapNamedAndPositionalInputs() {
        assertThat(InputArguments.bySource("p", SOURCES, List.of("orders=o.csv", "c.csv")))
                .containsEntry("orders", Path.of("o.csv")).containsEntry("campaigns", Path.of("c.csv"));
    }

    @Test
    void shouldTakeAnExistingFileWithAnEqualsSignInItsNameAsAPath(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("day=1.csv"));
        String relative = Path.of("").toAbsolutePath().relativize(file).toString();

        assertThat(InputArguments.bySource("p", SOURCES, List.of(file.toString())))
                .containsEntry("campaigns", file);
        assertThat(InputArguments.bySource("p", SOURCES, List.of(relative))).containsEntry("campaigns", Path.of(relative));
    }

    @Test
    void shouldResolveAFolderToOneFilePerSource(@TempDir Path dir) {
        assertThat(InputArguments.bySource("p", SOURCES, List.of(dir.toString())))
                .containsEntry("sessions", dir.resolve("sessions.csv")).hasSize(3);
    }
}
