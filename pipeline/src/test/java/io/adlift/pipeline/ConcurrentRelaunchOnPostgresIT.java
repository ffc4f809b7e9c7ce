package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two relaunches of the same stopped run, started at the same moment, twenty times over: each time
 * exactly one of them creates an execution and the other exits 6, and the run then completes with
 * every line staged or rejected once. The process that won is paused (SIGSTOP) as soon as its run's
 * process is recorded, so that the other one meets it running however the two processes are
 * scheduled; it is then resumed and stopped (SIGTERM) at its next commit, ready for the next race.
 */
class ConcurrentRelaunchOnPostgresIT {

    private static final int RACES = 20;
    private static final long ROWS = 20_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    private static AdFile file;
    private static Path pipelines;

    @BeforeAll
    static void writeASmallFileAndAKpiOnlyDefinition() throws IOException {
        TestDatabase.reset();
        file = AdFile.write(dir.resolve("ads.csv"), ROWS, 1_000, 5);
        pipelines = AdFile.kpiOnlyDefinition(dir.resolve("pipelines"));
    }

    /** Small chunks: a winner paused and stopped at once commits a few hundred rows, so twenty races fit in the file. */
    private static List<String> settings() {
        return List.of("--adlift.pipelines-dir=" + pipelines, "--adlift.ingest.chunk-size=100");
    }

    /** Forty processes start here: the quick JIT alone and the serial collector halve each one's start-up CPU. */
    private static final Map<String, String> QUICK_START =
            Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    private static final String[] RUN = {"run", "ad-conversions", "--input", "", "--business-date", "2026-06-01"};

    @Test
    void shouldRunExactlyOneOfTwoSimultaneousRelaunchesEveryTime() throws Exception {
        RUN[3] = file.path.toString();
        for (int race = 1; race <= RACES; race++) {
            long executionsBefore = executions();
            String[] command = race % 2 == 1 ? RUN : new String[] {"restart", Long.toString(lastExecution())};
            try (AdliftProcess a = AdliftProcess.start(dir.resolve("data"), QUICK_START, settings(), command);
                    AdliftProcess b = AdliftProcess.start(dir.resolve("data"), QUICK_START, settings(), command)) {
                long winnerPid = awaitNewRunProcess(executionsBefore, a, b);
                AdliftProcess winner = winnerPid == a.pid() ? a : b;
                AdliftProcess loser = winner == a ? b : a;
                winner.signal("STOP");
                int loserCode = loser.exitCode(PATIENCE);
                winner.signal("CONT");
                winner.terminate();
                int winnerCode = winner.exitCode(PATIENCE);

                assertThat(loserCode).as("race %d, the loser:%n%s", race, loser.output()).isEqualTo(6);
                assertThat(loser.output()).contains("already running");
                assertThat(winnerCode).as("race %d, the winner:%n%s", race, winner.output()).isEqualTo(4);
                assertThat(executions()).as("race %d", race).isEqualTo(executionsBefore + 1);
            }
        }

        Adlift.Result last = Adlift.onPostgres(dir.resolve("data")).with(settings().get(0)).with(settings().get(1)).run(RUN);

        assertThat(last.exitCode()).as(last.all()).isZero();
        assertThat(executions()).isEqualTo(RACES + 1);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stg_ad_conversions_ads")).isEqualTo(ROWS - file.badRows);
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT source_line) FROM stg_ad_conversions_ads"))
                .isEqualTo(ROWS - file.badRows);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM ingest_reject")).isEqualTo(file.badRows);
        assertThat(TestDatabase.count("SELECT read_count - write_count - filter_count FROM batch_step_execution "
                + "WHERE step_name = 'ingest' AND job_execution_id = ?", lastExecution())).isZero();
        assertThat(TestDatabase.impressionsByCampaign()).isEqualTo(file.impressions);
    }

    /** The pid recorded for the execution created after {@code executionsBefore}: the process that won. */
    private static long awaitNewRunProcess(long executionsBefore, AdliftProcess a, AdliftProcess b) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> rows = executions() <= executionsBefore ? List.of()
                    : TestDatabase.rows("SELECT pid FROM run_process WHERE job_execution_id = "
                            + "(SELECT MAX(job_execution_id) FROM batch_job_execution)");
            if (!rows.isEmpty()) {
                return ((Number) rows.get(0).get("pid")).longValue();
            }
            if (!a.isAlive() && !b.isAlive()) {
                throw new AssertionError("both ended before a run started:\n" + a.output() + "\n---\n" + b.output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run started within " + PATIENCE + ":\n" + a.output() + "\n---\n" + b.output());
    }

    private static long executions() {
        return TestDatabase.countOnceCreated("SELECT COUNT(*) FROM batch_job_execution");
    }

    private static long lastExecution() {
        return TestDatabase.count("SELECT MAX(job_execution_id) FROM batch_job_execution");
    }
}
