package io.adlift.pipeline.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void shouldShowNoRateOnTheFirstLineButTheCountAndPercent() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(err, true, StandardCharsets.UTF_8));

        // the first chunk of 10,000 rows: once shown as "10,000,000 rows/s"
        progress.update("ingest", 10_000, "rows", 0.01);

        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("ingest: 10,000 rows, 1%");
    }
}
