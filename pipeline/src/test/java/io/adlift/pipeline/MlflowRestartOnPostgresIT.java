package io.adlift.pipeline;

import static io.adlift.pipeline.MlflowTrackingOnPostgresIT.pairs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A tracking server that goes away in the middle of a run: the run fails at the step that needed it,
 * and once the server is back, {@code adlift restart} completes it in the same MLflow run.
 */
class MlflowRestartOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final MlflowServer MLFLOW = MlflowServer.plain();

    @TempDir
    static Path dir;

    @BeforeAll
    static void resetDatabase() {
        TestDatabase.reset();
    }

    @Test
    void shouldFailAtTrainWhenMlflowIsUnreachableAndCompleteTheSameMlflowRunOnRestart() throws Exception {
        String experiment = "it-restart-" + UUID.randomUUID();
        // The server dies as train makes its first call (logging its training dataset) and stays down. The kpi
        // step runs beside the model branch and logs its KPI metrics too: train's call waits for those to have
        // passed, so what fails is train alone, whichever branch is faster.
        CountDownLatch kpiLogged = new CountDownLatch(1);
        try (CuttableProxy proxy = new CuttableProxy(MLFLOW.uri(), (path, body) -> {
            if (path.endsWith("/runs/log-batch") && body.contains("\"kpi.")) {
                kpiLogged.countDown();
                return false;
            }
            if (!(path.endsWith("/runs/log-inputs") && body.contains("\"training\""))) {
                return false;
            }
            try {
                // Were they never logged, the kpi step's assertions below say so.
                kpiLogged.await(2, TimeUnit.MINUTES);
                Thread.sleep(1_000); // its answer on its way back before the server goes down
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        })) {
            Adlift adlift = Adlift.onPostgres(dir.resolve("data"))
                    .with("--mlflow.tracking-uri=" + proxy.uri())
                    .with("--mlflow.experiment-name=" + experiment)
                    .with("--mlflow.retry.max-attempts=3")
                    .with("--mlflow.retry.initial-backoff=PT0.2S");

            Adlift.Result failed = adlift.run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-10");

            assertThat(proxy.isDown()).isTrue();
            assertThat(failed.exitCode()).as(failed.all()).isEqualTo(3);
            assertThat(failed.out()).contains("train     FAILED")
                    .contains("Reason: MLflow at " + proxy.uri() + " is unavailable: POST runs/log-inputs failed after 3 attempts");
            assertThat(failed.err()).contains("attempt 1 of 3, retrying").doesNotContain("\tat ");
            for (String step : List.of("ingest", "clean", "kpi", "split")) {
                assertThat(failed.out()).containsPattern(step + "\\s+COMPLETED");
            }
            long firstExecution = AdConversionsOnPostgresIT.executionId(failed);
            List<JsonNode> runs = MLFLOW.runs(experiment);
            assertThat(runs).hasSize(1);
            String runId = runs.get(0).path("info").path("run_id").asString();
            // the server was gone when the job ended: the run could not be marked, and is still open
            assertThat(runs.get(0).path("info").path("status").asString()).isEqualTo("RUNNING");
            assertThat(TestDatabase.rows("SELECT DISTINCT mlflow_run_id FROM kpi_campaign WHERE job_execution_id = ?",
                    firstExecution)).singleElement().satisfies(r -> assertThat(r.get("mlflow_run_id")).isEqualTo(runId));

            proxy.up();
            Adlift.Result restarted = adlift.run("restart", Long.toString(firstExecution));

            assertThat(restarted.exitCode()).as(restarted.all()).isZero();
            long secondExecution = AdConversionsOnPostgresIT.executionId(restarted);
            assertThat(secondExecution).isNotEqualTo(firstExecution);
            assertThat(restarted.out()).contains("Restart of run " + firstExecution).contains("MLflow: run " + runId);
            List<JsonNode> after = MLFLOW.runs(experiment);
            assertThat(after).as("still one MLflow run for the job").hasSize(1);
            JsonNode run = MLFLOW.get("runs/get", Map.of("run_id", runId)).path("run");
            assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
            assertThat(run.path("info").path("run_name").asString()).isEqualTo("ad-conversions 2026-04-10 #" + firstExecution);
            assertThat(pairs(run.path("data").path("tags"))).containsEntry("adlift.job_execution_id",
                    Long.toString(secondExecution));
            List<String> contexts = new java.util.ArrayList<>();
            run.path("inputs").path("dataset_inputs").forEach(i -> contexts.add(pairs(i.path("tags")).get("mlflow.data.context")));
            assertThat(contexts).containsExactlyInAnyOrder("training", "evaluation");
            assertThat(pairs(run.path("data").path("params"))).containsEntry("ingest.ads.read", "1143");
            assertThat(MLFLOW.artifacts(runId, null)).contains("model/MLmodel", "evaluation/predictions.csv");
            assertThat(MLFLOW.get("model-versions/search", Map.of("filter", "run_id='" + runId + "'")).path("model_versions"))
                    .hasSize(1);
            // the KPI step completed in the first attempt; its rows keep the same run id
            assertThat(TestDatabase.rows("SELECT DISTINCT mlflow_run_id FROM kpi_segment WHERE job_execution_id = ?",
                    firstExecution)).singleElement().satisfies(r -> assertThat(r.get("mlflow_run_id")).isEqualTo(runId));
        }
    }

    @Test
    void shouldEndTheMlflowRunOfARunKilledHardWhenItIsRecovered() throws Exception {
        String experiment = "it-recover-" + UUID.randomUUID();
        List<String> settings = List.of("--mlflow.tracking-uri=" + MLFLOW.uri(), "--mlflow.experiment-name=" + experiment);
        long execution;
        try (AdliftProcess run = AdliftProcess.start(dir.resolve("data"), settings,
                "run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-11")) {
            // Once this run has staged rows, it has recorded its MLflow run's id: that is done before its first
            // step. (Rows of the other test's run, a job instance of another date, are there from the start.)
            run.awaitWhileRunning(() -> hasRuns(experiment)
                    && TestDatabase.countOnceCreated("SELECT COUNT(*) FROM stg_ad_conversions_ads s JOIN batch_job_execution e "
                            + "ON e.job_instance_id = s.job_instance_id JOIN batch_job_execution_params p "
                            + "ON p.job_execution_id = e.job_execution_id WHERE p.parameter_name = 'businessDate' "
                            + "AND p.parameter_value = '2026-04-11'") > 0,
                    java.time.Duration.ofMinutes(2));
            run.kill();
            run.exitCode(java.time.Duration.ofMinutes(1));
            execution = TestDatabase.count("SELECT MAX(job_execution_id) FROM batch_job_execution");
        }
        assertThat(MLFLOW.runs(experiment).get(0).path("info").path("status").asString()).isEqualTo("RUNNING");

        Adlift adlift = Adlift.onPostgres(dir.resolve("data")).with(settings.get(0)).with(settings.get(1));
        Adlift.Result recover = adlift.run("recover", Long.toString(execution));

        assertThat(recover.exitCode()).as(recover.all()).isZero();
        assertThat(MLFLOW.runs(experiment)).singleElement()
                .satisfies(r -> assertThat(r.path("info").path("status").asString()).isEqualTo("FAILED"));
    }

    private static boolean hasRuns(String experiment) {
        try {
            return !MLFLOW.runs(experiment).isEmpty();
        } catch (RuntimeException | AssertionError experimentNotCreatedYet) {
            return false;
        }
    }
}
