package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped during ingest whose input file is then overwritten with other rows: restarting it is
 * refused (exit 2) naming the file, since resuming would mix rows of both files; the same command
 * with the new file is a new run that stages exactly the new file's rows.
 */
class ChangedInputOnPostgresIT {

    private static final long ROWS = 20_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToResumeARunWhoseFileChangedAndRunTheNewDataAsANewRun() throws Exception {
        TestDatabase.reset();
        Path pipelines = AdFile.kpiOnlyDefinition(dir.resolve("pipelines"));
        List<String> settings = List.of("--adlift.pipelines-dir=" + pipelines, "--adlift.ingest.chunk-size=100");
        Path input = dir.resolve("ads.csv");
        AdFile.write(input, ROWS, 1_000, 1);
        String[] run = {"run", "ad-conversions", "--input", input.toString(), "--business-date", "2026-07-01"};

        long stopped;
        try (AdliftProcess first = AdliftProcess.start(dir.resolve("data"), settings, run)) {
            first.awaitWhileRunning(() -> staged() > 0, PATIENCE);
            first.terminate();
            assertThat(first.exitCode(PATIENCE)).as(first.output()).isEqualTo(4);
            stopped = TestDatabase.count("SELECT MAX(job_execution_id) FROM batch_job_execution");
        }
        long stagedBefore = staged();
        assertThat(stagedBefore).isLessThan(ROWS);

        AdFile replaced = AdFile.write(input, ROWS, 1_000, 2);
        Adlift adlift = Adlift.onPostgres(dir.resolve("data")).with(settings.get(0)).with(settings.get(1));
        Adlift.Result restart = adlift.run("restart", Long.toString(stopped));

        assertThat(restart.exitCode()).as(restart.all()).isEqualTo(2);
        assertThat(restart.err()).contains(input.toString()).contains("has changed since the run started")
                .contains("mix rows").doesNotContain("Exception");
        assertThat(staged()).isEqualTo(stagedBefore);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution")).isOne();

        Adlift.Result newRun = adlift.run(run);

        assertThat(newRun.exitCode()).as(newRun.all()).isZero();
        long instance = TestDatabase.count("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = "
                + "(SELECT MAX(job_execution_id) FROM batch_job_execution)");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stg_ad_conversions_ads WHERE job_instance_id = ?", instance))
                .isEqualTo(ROWS - replaced.badRows);
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT source_line) FROM stg_ad_conversions_ads "
                + "WHERE job_instance_id = ?", instance)).isEqualTo(ROWS - replaced.badRows);
        assertThat(TestDatabase.impressionsByCampaign()).isEqualTo(replaced.impressions);
    }

    private static long staged() {
        return TestDatabase.countOnceCreated("SELECT COUNT(*) FROM stg_ad_conversions_ads");
    }
}
