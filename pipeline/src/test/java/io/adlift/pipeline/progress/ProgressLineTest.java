package io.adlift.pipeline.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void shouldShowCountRatePercentAndTheTimeLeftAtTheCurrentPace() {
        ProgressLine line = new ProgressLine("ingest", 250_000, "rows", 0.25, Duration.ofSeconds(10));

        assertThat(line).hasToString("ingest: 250,000 rows, 25,000 rows/s, 25%, ETA 0:30");
    }

    @Test
    void shouldLeaveOutPercentAndEtaWhenTheTotalIsUnknown() {
        ProgressLine line = new ProgressLine("ingest", 1_000, "rows", Double.NaN, Duration.ofSeconds(2));

        assertThat(line).hasToString("ingest: 1,000 rows, 500 rows/s");
    }

    @Test
    void shouldPrintMinutesOfEta() {
        ProgressLine line = new ProgressLine("train", 10, "rounds", 0.01, Duration.ofSeconds(2));

        assertThat(line.toString()).endsWith("1%, ETA 3:18");
    }
}
