package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ad-conversions pipeline on the real Kaggle file, tracked in a real MLflow 3 server, and
 * everything it logged read back through MLflow's REST API; then the registered champion loaded by
 * Python's {@code mlflow}: its xgboost flavour compared with Adlift's own predictions of the logged test
 * features, its python_function flavour's signature read.
 */
class MlflowTrackingOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final MlflowServer MLFLOW = MlflowServer.plain();
    private static final String EXPERIMENT = "it-tracking-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    static Adlift.Result result;
    static long execution;
    static String runId;
    static JsonNode run;

    @BeforeAll
    static void runThePipelineTrackedInMlflow() {
        TestDatabase.reset();
        result = Adlift.onPostgres(dir.resolve("data"))
                .with("--mlflow.tracking-uri=" + MLFLOW.uri())
                .with("--mlflow.experiment-name=" + EXPERIMENT)
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-01");
        assertThat(result.exitCode()).as(result.all()).isZero();
        execution = AdConversionsOnPostgresIT.executionId(result);
        List<JsonNode> runs = MLFLOW.runs(EXPERIMENT);
        assertThat(runs).as("runs in experiment %s", EXPERIMENT).hasSize(1);
        runId = runs.get(0).path("info").path("run_id").asString();
        run = MLFLOW.get("runs/get", Map.of("run_id", runId)).path("run");
    }

    @Test
    void shouldTrackOneFinishedRunNamedAndTaggedAfterTheJob() {
        assertThat(run.path("info").path("status").asString()).isEqualTo("FINISHED");
        assertThat(run.path("info").path("run_name").asString()).isEqualTo("ad-conversions 2026-04-01 #" + execution);
        Map<String, String> tags = pairs(run.path("data").path("tags"));
        long instance = TestDatabase.count("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?", execution);
        String fingerprint = fingerprint();
        assertThat(tags).containsEntry("adlift.pipeline", "ad-conversions")
                .containsEntry("adlift.business_date", "2026-04-01")
                .containsEntry("adlift.job_instance_id", Long.toString(instance))
                .containsEntry("adlift.job_execution_id", Long.toString(execution))
                .containsEntry("adlift.input_fingerprint", fingerprint)
                .containsKeys("adlift.version", "adlift.host");
        assertThat(tags.get("adlift.version")).isNotBlank().isNotEqualTo("unknown");
        assertThat(result.out()).contains("MLflow: run " + runId);
    }

    @Test
    void shouldRecordEachTuningTrialAsAFinishedChildRunAndTheChoiceAsParams() {
        List<JsonNode> children = MLFLOW.children(EXPERIMENT, runId);
        long instance = TestDatabase.count("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?", execution);
        long trials = TestDatabase.count("SELECT COUNT(*) FROM model_trial WHERE job_instance_id = ?", instance);

        assertThat(trials).isGreaterThanOrEqualTo(4);
        assertThat(children).hasSize((int) trials);
        assertThat(children).allSatisfy(child -> {
            assertThat(child.path("info").path("status").asString()).isEqualTo("FINISHED");
            assertThat(pairs(child.path("data").path("params"))).containsKeys("candidate", "rounds");
            assertThat(child.path("data").path("metrics").toString()).contains("cv.rmse_mean");
        });
        List<JsonNode> chosen = children.stream()
                .filter(c -> "true".equals(pairs(c.path("data").path("tags")).get("adlift.chosen"))).toList();
        assertThat(chosen).hasSize(1);
        String candidate = pairs(chosen.get(0).path("data").path("params")).get("candidate");
        assertThat(pairs(run.path("data").path("params"))).containsEntry("model.candidate", candidate)
                .containsKeys("model.strategy", "model.rounds");
    }

    @Test
    void shouldLogTheResolvedDefinitionAndTheRowCountsAsParams() {
        Map<String, String> params = pairs(run.path("data").path("params"));
        // more than one log-batch request holds
        assertThat(params.size()).isGreaterThan(100);
        assertThat(params).containsEntry("name", "ad-conversions")
                .containsEntry("target", "Approved_Conversion")
                .containsEntry("steps.train.params.eta", "0.03")
                .containsEntry("steps.train.rounds", "300")
                .containsEntry("steps.split.seed", "42")
                .containsEntry("steps.ingest.sources.ads.max-reject-ratio", "0.05")
                .containsEntry("steps.train.features.0.kind", "one-hot")
                .containsEntry("ingest.ads.read", "1143")
                .containsEntry("clean.ads.kept", "1143")
                .containsEntry("train.rows", Long.toString(splitRows("train")));
    }

    @Test
    void shouldLogTheEvaluationMetricsTheTrainingCurvePerRoundAndTheStepDurations() {
        Map<String, Double> latest = new HashMap<>();
        run.path("data").path("metrics").forEach(m -> latest.put(m.path("key").asString(), m.path("value").asDouble()));
        for (Map<String, Object> row : TestDatabase.rows("SELECT data_split, metric, metric_value FROM model_metric m "
                + "JOIN batch_job_execution e ON e.job_instance_id = m.job_instance_id WHERE e.job_execution_id = ?", execution)) {
            assertThat(latest.get(row.get("data_split") + "." + row.get("metric")))
                    .as("%s.%s", row.get("data_split"), row.get("metric"))
                    .isCloseTo((Double) row.get("metric_value"), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(latest).containsKeys("test.rmse", "test.r2", "train.rmse", "system/step.ingest.seconds",
                "system/step.ingest.rows_per_second", "system/step.train.seconds", "system/step.deploy.seconds");

        JsonNode history = MLFLOW.get("metrics/get-history",
                Map.of("run_id", runId, "metric_key", "curve/train.rmse", "max_results", "1000")).path("metrics");
        List<Long> steps = new ArrayList<>();
        history.forEach(m -> steps.add(m.path("step").asLong()));
        // one point per boosting round of the chosen model, whose rounds early stopping decided
        int rounds = Integer.parseInt(pairs(run.path("data").path("params")).get("model.rounds"));
        assertThat(rounds).isBetween(1, 300);
        assertThat(steps).hasSize(rounds);
        assertThat(steps.stream().sorted().toList()).first().isEqualTo(0L);
        assertThat(steps.stream().sorted().toList()).last().isEqualTo(rounds - 1L);
        double first = valueAt(history, 0);
        double last = valueAt(history, rounds - 1);
        assertThat(last).as("training rmse falls over the rounds").isLessThan(first);
        assertThat(last).isCloseTo(latest.get("train.rmse"), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void shouldLogTheTrainAndTestRowsAsDatasetsWithTheirContexts() {
        Map<String, JsonNode> byContext = new HashMap<>();
        for (JsonNode input : run.path("inputs").path("dataset_inputs")) {
            byContext.put(pairs(input.path("tags")).get("mlflow.data.context"), input.path("dataset"));
        }
        assertThat(byContext).containsOnlyKeys("training", "evaluation");
        JsonNode training = byContext.get("training");
        assertThat(training.path("name").asString()).isEqualTo("ad-conversions.ads.train");
        // of the input fingerprint, the part and its rows: the two parts of one input have digests of their own
        assertThat(training.path("digest").asString()).hasSize(36)
                .isEqualTo(sha256(fingerprint() + "\ntrain\n" + splitRows("train")).substring(0, 36));
        assertThat(byContext.get("evaluation").path("digest").asString())
                .isEqualTo(sha256(fingerprint() + "\ntest\n" + splitRows("test")).substring(0, 36));
        // MLflow keeps one dataset per name and digest: a server that saw this content from another path
        // (another checkout) shows that path. The digest above pins the content; the file name is ours.
        assertThat(training.path("source").asString()).contains(KAG.getFileName().toString());
        assertThat(training.path("schema").asString()).contains("\"name\":\"Approved_Conversion\"").contains("mlflow_colspec");
        assertThat(training.path("profile").asString()).contains("\"num_rows\":" + splitRows("train"));
        assertThat(byContext.get("evaluation").path("profile").asString()).contains("\"num_rows\":" + splitRows("test"));
    }

    @Test
    void shouldUploadTheModelTheEvaluationFilesAndTheDefinitionThroughTheArtifactProxy() {
        assertThat(MLFLOW.artifacts(runId, null)).contains("model/MLmodel", "model/model.json", "model/requirements.txt",
                "model/python_env.yaml", "model/features.json", "model/provenance.json", "model/adlift_model.json",
                "model/code/adlift_pyfunc.py", "model/input_example.json", "model/feature-encoding.json",
                "evaluation/test_features.csv", "evaluation/predictions.csv", "pipeline/ad-conversions.yml");
        List<String> predictions = MLFLOW.artifact(run, "evaluation/predictions.csv").lines().toList();
        assertThat(predictions.get(0)).isEqualTo("actual,predicted");
        assertThat(predictions).hasSize(1 + (int) splitRows("test"));
        List<String> features = MLFLOW.artifact(run, "evaluation/test_features.csv").lines().toList();
        assertThat(features).hasSize(predictions.size());
        String featureNames = MLFLOW.artifact(run, "model/features.json").replaceAll("[\\[\\]\"\\s]", "");
        assertThat(features.get(0)).isEqualTo(featureNames);
        assertThat(MLFLOW.artifact(run, "pipeline/ad-conversions.yml"))
                .isEqualTo(readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml")));
    }

    @Test
    void shouldRegisterOneVersionFromTheRunAndPointTheChampionAliasAtIt() {
        JsonNode versions = MLFLOW.get("model-versions/search", Map.of("filter", "run_id='" + runId + "'")).path("model_versions");
        assertThat(versions).hasSize(1);
        JsonNode version = versions.get(0);
        assertThat(version.path("name").asString()).isEqualTo("ad-conversions");
        // made from the run's MLflow 3 logged model, whose id the run keeps in a tag
        String modelId = pairs(run.path("data").path("tags")).get("adlift.logged_model_id");
        assertThat(modelId).startsWith("m-");
        assertThat(version.path("source").asString()).isEqualTo("models:/" + modelId);
        // the model_id Adlift sends with the version is not kept by an open-source server: the source names it
        assertThat(version.path("model_id").asString(modelId)).isEqualTo(modelId);
        assertThat(version.path("run_id").asString()).isEqualTo(runId);
        JsonNode champion = MLFLOW.get("registered-models/alias", Map.of("name", "ad-conversions", "alias", "champion"))
                .path("model_version");
        assertThat(champion.path("version").asString()).isEqualTo(version.path("version").asString());
        assertThat(result.out()).contains("Registry: ad-conversions version " + version.path("version").asString()
                + " (alias champion)");
    }

    @Test
    void shouldStampTheRunsKpiRowsWithTheMlflowRunId() {
        assertThat(TestDatabase.rows("SELECT DISTINCT mlflow_run_id FROM kpi_campaign WHERE job_execution_id = ?", execution))
                .singleElement().satisfies(r -> assertThat(r.get("mlflow_run_id")).isEqualTo(runId));
        assertThat(TestDatabase.rows("SELECT DISTINCT mlflow_run_id FROM kpi_segment WHERE job_execution_id = ?", execution))
                .singleElement().satisfies(r -> assertThat(r.get("mlflow_run_id")).isEqualTo(runId));
    }

    /**
     * The acceptance test of interoperability: Python's own mlflow loads the champion with both flavours;
     * the xgboost one predicts the logged test features as Java did.
     */
    @Test
    void shouldLoadTheChampionInPythonWithPyfuncAndXgboostAndPredictAsJavaDid() throws Exception {
        MlflowServer.PythonRun python = MLFLOW.runPython(MlflowServer.python(), dir, "mlflow_interop.py",
                "models:/ad-conversions@champion", runId);
        String all = python.output();
        assertThat(python.exitCode()).as(all).isZero();
        JsonNode report = python.lastLine();
        assertThat(report.path("ok").asBoolean()).as(all).isTrue();
        assertThat(report.path("rows").asLong()).isEqualTo(splitRows("test"));
        assertThat(report.path("booster_class").asString()).isEqualTo("xgboost.core.Booster");
        // the python_function flavour takes the raw records (MlflowModelsOnPostgresIT predicts them)
        assertThat(report.path("pyfunc_inputs").toString()).contains("\"age\"", "\"Impressions\"", "\"Spent\"");
        assertThat(report.path("max_abs_diff_xgboost").asDouble()).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void shouldRegisterAModelTheGateRefusesAsChallengerWithoutDeployingIt() throws IOException {
        Path strict = Files.createDirectories(dir.resolve("strict"));
        String shipped = readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        String model = "ad-conversions-strict-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(strict.resolve("ad-conversions.yml"), shipped
                .replace("{ metric: r2,   min: 0.5 }", "{ metric: r2,   min: 0.99 }")
                .replace("allow-non-validated: false", "allow-non-validated: false\n    model-name: " + model));

        Adlift.Result refused = Adlift.onPostgres(dir.resolve("strict-data"))
                .with("--adlift.pipelines-dir=" + strict)
                .with("--mlflow.tracking-uri=" + MLFLOW.uri())
                .with("--mlflow.experiment-name=" + EXPERIMENT + "-strict")
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-04-02");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(5);
        String refusedRun = MLFLOW.runs(EXPERIMENT + "-strict").get(0).path("info").path("run_id").asString();
        JsonNode registered = MLFLOW.get("registered-models/get", Map.of("name", model)).path("registered_model");
        assertThat(pairs(registered.path("aliases"), "alias", "version")).containsOnlyKeys("challenger");
        JsonNode challenger = MLFLOW.get("registered-models/alias", Map.of("name", model, "alias", "challenger"))
                .path("model_version");
        assertThat(challenger.path("run_id").asString()).isEqualTo(refusedRun);
        assertThat(pairs(challenger.path("tags"))).containsEntry("adlift.gate", "refused");
        assertThat(dir.resolve("strict-data/models")).doesNotExist();
    }

    private static long splitRows(String part) {
        return TestDatabase.count("SELECT COUNT(*) FROM cln_ad_conversions_ads c JOIN batch_job_execution e "
                + "ON e.job_instance_id = c.job_instance_id WHERE e.job_execution_id = ? AND c.data_split = ?", execution, part);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String fingerprint() {
        return TestDatabase.rows("SELECT parameter_value FROM batch_job_execution_params WHERE job_execution_id = ? "
                + "AND parameter_name = 'inputFingerprint'", execution).get(0).get("parameter_value").toString();
    }

    private static double valueAt(JsonNode history, long step) {
        for (JsonNode m : history) {
            if (m.path("step").asLong() == step) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no point at step " + step);
    }

    static Map<String, String> pairs(JsonNode array) {
        return pairs(array, "key", "value");
    }

    static Map<String, String> pairs(JsonNode array, String key, String value) {
        Map<String, String> map = new HashMap<>();
        array.forEach(e -> map.put(e.path(key).asString(), e.path(value).asString()));
        return map;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
