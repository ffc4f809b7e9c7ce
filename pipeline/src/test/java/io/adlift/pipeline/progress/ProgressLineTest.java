package io.adlift.pipeline.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private static ProgressLine line(String task, long count, String unit, double fraction, ProgressLine.Start start,
            Duration after) {
        return new ProgressLine(task, count, unit, fraction, start, start.at().plus(after));
    }

    @Test
    void shouldShowCountRatePercentAndTheTimeLeftAtTheCurrentPace() {
        ProgressLine line = line("ingest", 250_000, "rows", 0.25, new ProgressLine.Start(T0, 0, 0), Duration.ofSeconds(10));

        assertThat(line).hasToString("ingest: 250,000 rows, 25,000 rows/s, 25%, ETA 0:30");
    }

    @Test
    void shouldShowNoRateOnTheFirstLineWhoseChunkTookNoMeasurableTime() {
        // the first report, right after the first chunk of 10,000 rows: once "10,000,000 rows/s"
        ProgressLine.Start start = new ProgressLine.Start(T0, 10_000, 0.01);
        ProgressLine first = line("ingest", 10_000, "rows", 0.01, start, Duration.ofMillis(1));

        assertThat(first).hasToString("ingest: 10,000 rows, 1%");
    }

    @Test
    void shouldMeasureTheRateOverTheWorkDoneSinceTheFirstReport() {
        ProgressLine.Start start = new ProgressLine.Start(T0, 10_000, 0.01);

        assertThat(line("ingest", 30_000, "rows", 0.03, start, Duration.ofSeconds(2)))
                .hasToString("ingest: 30,000 rows, 10,000 rows/s, 3%, ETA 1:37");
    }

    @Test
    void shouldGiveSlowWorkPerMinuteRatherThanZeroPerSecond() {
        ProgressLine.Start start = new ProgressLine.Start(T0, 1, 0.02);

        assertThat(line("train", 4, "trials", 0.08, start, Duration.ofSeconds(60)).toString())
                .startsWith("train: 4 trials, 3.0 trials/min, 8%");
    }

    @Test
    void shouldLeaveOutPercentAndEtaWhenTheTotalIsUnknown() {
        ProgressLine line = line("ingest", 1_000, "rows", Double.NaN, new ProgressLine.Start(T0, 0, Double.NaN),
                Duration.ofSeconds(2));

        assertThat(line).hasToString("ingest: 1,000 rows, 500 rows/s");
    }

    @Test
    void shouldPrintMinutesOfEta() {
        ProgressLine line = line("train", 10, "rounds", 0.01, new ProgressLine.Start(T0, 0, 0), Duration.ofSeconds(2));

        assertThat(line.toString()).endsWith("1%, ETA 3:18");
    }
}
