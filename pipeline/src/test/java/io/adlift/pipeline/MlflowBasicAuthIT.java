package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Against {@code mlflow server --app-name basic-auth}: the packaged adlift, given MLflow's own
 * credential variables, tracks and registers; with a wrong password it fails at once with a message
 * that says what to fix, no stack trace, and no password.
 */
class MlflowBasicAuthIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final MlflowServer MLFLOW = MlflowServer.basicAuth();

    @TempDir
    static Path dir;

    @BeforeAll
    static void resetDatabase() {
        TestDatabase.reset();
    }

    @Test
    void shouldTrackAndRegisterWithTheCredentialsInMlflowsVariables() throws Exception {
        String experiment = "it-auth-" + UUID.randomUUID();
        AdliftProcess adlift = AdliftProcess.start(dir.resolve("right"), Map.of(
                        "MLFLOW_TRACKING_URI", MLFLOW.uri(),
                        "MLFLOW_TRACKING_USERNAME", MlflowServer.AUTH_USER,
                        "MLFLOW_TRACKING_PASSWORD", MlflowServer.AUTH_PASSWORD,
                        "MLFLOW_EXPERIMENT_NAME", experiment),
                List.of(), "run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-20");

        int code = adlift.exitCode(Duration.ofMinutes(3));

        String output = adlift.output();
        assertThat(code).as(output).isZero();
        assertThat(output).doesNotContain(MlflowServer.AUTH_PASSWORD);
        List<JsonNode> runs = MLFLOW.runs(experiment);
        assertThat(runs).hasSize(1);
        JsonNode info = runs.get(0).path("info");
        assertThat(info.path("status").asString()).isEqualTo("FINISHED");
        JsonNode champion = MLFLOW.get("registered-models/alias", Map.of("name", "ad-conversions", "alias", "champion"))
                .path("model_version");
        assertThat(champion.path("run_id").asString()).isEqualTo(info.path("run_id").asString());
    }

    /**
     * Credentials written into the tracking URI, as MLflow's clients accept them: used to log in, and shown
     * nowhere (output, log, the job repository's messages and contexts, status).
     */
    @Test
    void shouldLogInWithTheCredentialsInTheTrackingUriAndShowThemNowhere() throws Exception {
        String experiment = "it-auth-uri-" + UUID.randomUUID();
        String uri = MLFLOW.uri().replace("http://", "http://" + MlflowServer.AUTH_USER + ":" + MlflowServer.AUTH_PASSWORD + "@");
        AdliftProcess adlift = AdliftProcess.start(dir.resolve("in-uri"), Map.of(
                        "MLFLOW_TRACKING_URI", uri, "MLFLOW_EXPERIMENT_NAME", experiment),
                List.of(), "run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-22");

        int code = adlift.exitCode(Duration.ofMinutes(3));

        String output = adlift.output();
        assertThat(code).as(output).isZero();
        assertThat(MLFLOW.runs(experiment)).singleElement()
                .satisfies(run -> assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED"));
        assertThat(output).contains("MLflow: run").contains(MLFLOW.uri()).doesNotContain(MlflowServer.AUTH_PASSWORD);
        Adlift.Result status = Adlift.onPostgres(dir.resolve("in-uri")).with("--mlflow.tracking-uri=" + uri)
                .run("runs", "--json");
        assertThat(status.all()).doesNotContain(MlflowServer.AUTH_PASSWORD);
        String like = "%" + MlflowServer.AUTH_PASSWORD + "%";
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution WHERE exit_message LIKE ?", like)
                + TestDatabase.count("SELECT COUNT(*) FROM batch_step_execution WHERE exit_message LIKE ?", like)
                + TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution_context WHERE short_context LIKE ? "
                        + "OR serialized_context LIKE ?", like, like)
                + TestDatabase.count("SELECT COUNT(*) FROM batch_step_execution_context WHERE short_context LIKE ? "
                        + "OR serialized_context LIKE ?", like, like)
                + TestDatabase.count("SELECT COUNT(*) FROM batch_job_execution_params WHERE parameter_value LIKE ?", like))
                .isZero();
        // nor in what the server answers anyone: its health, which checks this MLflow server
        try (ServeProcess serve = ServeProcess.start(dir.resolve("in-uri"), List.of("--mlflow.tracking-uri=" + uri))) {
            ServeProcess.Answer health = serve.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).doesNotContain(MlflowServer.AUTH_PASSWORD);
            assertThat(serve.output()).doesNotContain(MlflowServer.AUTH_PASSWORD);
        }
    }

    @Test
    void shouldFailWithAClearMessageAndNoStackTraceWhenTheCredentialsAreWrong() throws Exception {
        String wrong = "not-the-password-" + UUID.randomUUID();
        AdliftProcess adlift = AdliftProcess.start(dir.resolve("wrong"), Map.of(
                        "MLFLOW_TRACKING_URI", MLFLOW.uri(),
                        "MLFLOW_TRACKING_USERNAME", MlflowServer.AUTH_USER,
                        "MLFLOW_TRACKING_PASSWORD", wrong),
                List.of("--mlflow.retry.max-attempts=5"), "run", "ad-conversions", "--input", KAG.toString(),
                "--business-date", "2026-04-21");

        int code = adlift.exitCode(Duration.ofMinutes(2));

        String output = adlift.output();
        assertThat(code).as(output).isEqualTo(3);
        assertThat(output).contains("Reason: MLflow at " + MLFLOW.uri() + " refused the credentials (HTTP 401)")
                .contains("user '" + MlflowServer.AUTH_USER + "'")
                .contains("MLFLOW_TRACKING_USERNAME")
                .contains("MLFLOW_TRACKING_PASSWORD");
        // refused credentials are final: no retries, no stack trace, and the password is nowhere
        assertThat(output).doesNotContain("retrying").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain(wrong);
        assertThat(output).as("it fails before any step").doesNotContain("ingest    COMPLETED");
    }
}
