package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations on a real PostgreSQL with the packaged jar in its own process: a run stopped by SIGTERM or
 * killed by SIGKILL during the ingest of a two-million-row file is resumed, and nothing is lost or
 * counted twice; a second launch of a running run is refused with its own exit code.
 */
class RelaunchOnPostgresIT {

    private static final long ROWS = 2_000_000;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    private static AdFile file;
    private static Path pipelines;

    @BeforeAll
    static void writeALargeFileAndAKpiOnlyDefinition() throws IOException {
        file = AdFile.write(dir.resolve("ads-2m.csv"), ROWS, 10_000, 11);
        pipelines = AdFile.kpiOnlyDefinition(dir.resolve("pipelines"));
    }

    @BeforeEach
    void resetDatabase() {
        TestDatabase.reset();
    }

    private static List<String> settings() {
        return List.of("--adlift.pipelines-dir=" + pipelines);
    }

    private static Adlift adlift() {
        return Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + pipelines);
    }

    private static String[] runCommand(String date) {
        return new String[] {"run", "ad-conversions", "--input", file.path.toString(), "--business-date", date};
    }

    private static long staged() {
        return TestDatabase.countOnceCreated("SELECT COUNT(*) FROM stg_ad_conversions_ads");
    }

    private static long onlyExecutionId() {
        return TestDatabase.count("SELECT MAX(job_execution_id) FROM batch_job_execution");
    }

    @Test
    void shouldStopAtACommitOnSigtermAndCompleteOnRestart() throws Exception {
        AdliftProcess run = AdliftProcess.start(dir.resolve("data"), settings(), runCommand("2026-05-01"));
        run.awaitWhileRunning(() -> staged() >= 200_000, PATIENCE);

        run.terminate();

        assertThat(run.exitCode(PATIENCE)).as(run.output()).isEqualTo(4);
        long execution = onlyExecutionId();
        assertThat(TestDatabase.rows("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", execution))
                .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("STOPPED"));
        assertThat(staged()).isLessThan(ROWS - file.badRows);

        Adlift.Result restart = adlift().run("restart", Long.toString(execution));

        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertThat(restart.out()).contains("Restart of run " + execution);
        assertEveryRowAccountedForOnce();
    }

    @Test
    void shouldRecoverARunKilledHardAndRestartItWithoutLosingOrDuplicatingRows() throws Exception {
        AdliftProcess run = AdliftProcess.start(dir.resolve("data"), settings(), runCommand("2026-05-02"));
        run.awaitWhileRunning(() -> staged() >= 200_000, PATIENCE);

        run.kill();
        run.exitCode(PATIENCE);
        long execution = onlyExecutionId();

        Adlift.Result relaunch = adlift().run(runCommand("2026-05-02"));
        assertThat(relaunch.exitCode()).isEqualTo(6);
        assertThat(relaunch.err()).contains("its process").contains("is gone").contains("adlift recover " + execution);

        Adlift.Result recover = adlift().run("recover", Long.toString(execution));
        assertThat(recover.exitCode()).as(recover.all()).isZero();
        assertThat(TestDatabase.rows("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", execution))
                .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("FAILED"));

        Adlift.Result restart = adlift().run("restart", "--last-failed");
        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertEveryRowAccountedForOnce();
    }

    @Test
    void shouldRefuseASecondLaunchWhileTheRunIsRunningAndStopItOnRequest() throws Exception {
        AdliftProcess first = AdliftProcess.start(dir.resolve("data"), settings(), runCommand("2026-05-03"));
        first.awaitWhileRunning(() -> staged() > 0, PATIENCE);
        long execution = onlyExecutionId();

        Adlift.Result second = adlift().run(runCommand("2026-05-03"));
        Adlift.Result recover = adlift().run("recover", Long.toString(execution));
        Adlift.Result stop = adlift().run("stop", Long.toString(execution));

        assertThat(second.exitCode()).as(second.all()).isEqualTo(6);
        assertThat(second.err()).contains("already running").contains("run " + execution);
        assertThat(recover.exitCode()).as("recover must refuse a live run").isEqualTo(6);
        assertThat(recover.err()).contains("is still running");
        assertThat(stop.exitCode()).as(stop.all()).isZero();
        assertThat(first.exitCode(PATIENCE)).as(first.output()).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
    }

    @Test
    void shouldRunOnlyOneOfTwoLaunchesStartedAtTheSameMoment() throws Exception {
        AdliftProcess a = AdliftProcess.start(dir.resolve("data"), settings(), runCommand("2026-05-04"));
        AdliftProcess b = AdliftProcess.start(dir.resolve("data"), settings(), runCommand("2026-05-04"));
        java.time.Instant deadline = java.time.Instant.now().plus(PATIENCE);
        // The loser learns of the other run (at once, or after relaunching once) and ends; only then is the
        // winner stopped, so that the loser cannot meet a stopped run and restart it.
        while ((staged() == 0 || (a.isAlive() && b.isAlive())) && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        // The one that lost the race is told so and ends; the other is running: stop it.
        long execution = onlyExecutionId();
        Adlift.Result stop = adlift().run("stop", Long.toString(execution));
        int codeA = a.exitCode(PATIENCE);
        int codeB = b.exitCode(PATIENCE);

        assertThat(stop.exitCode()).as(stop.all()).isZero();
        assertThat(List.of(codeA, codeB)).as("%s%n---%n%s", a.output(), b.output()).containsExactlyInAnyOrder(4, 6);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
        assertThat(a.output() + b.output()).contains("already running");
    }

    private static void assertEveryRowAccountedForOnce() {
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stg_ad_conversions_ads")).isEqualTo(ROWS - file.badRows);
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT source_line) FROM stg_ad_conversions_ads"))
                .isEqualTo(ROWS - file.badRows);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM ingest_reject")).isEqualTo(file.badRows);
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT line) FROM ingest_reject")).isEqualTo(file.badRows);
        assertThat(TestDatabase.impressionsByCampaign()).isEqualTo(file.impressions);
    }
}
