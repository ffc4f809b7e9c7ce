package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models Adlift deploys, as a data scientist meets them in MLflow 3: four pipelines run tracked in the newest
 * MLflow (3.17.2), and, with that version's Python client, {@code mlflow.search_logged_models} finds each
 * deployed model with its metrics, the champion version links to it, and {@code mlflow.pyfunc} predicts raw
 * records read by {@code pandas.read_csv} from the run's own input files exactly as {@code adlift serve} does.
 * The Kaggle file is also run against the oldest MLflow Adlift supports (3.5.1), loaded with that version's
 * client. Screenshots of the MLflow UI's Models tab and registered model page are left in {@code target/}.
 */
class MlflowModelsOnPostgresIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final MlflowServer MLFLOW = MlflowServer.plain();
    private static final MlflowServer OLDEST = MlflowServer.oldest();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path dir;

    static Path definitions;
    static ServeProcess serve;

    @BeforeAll
    static void runTheFourPipelinesTrackedInMlflowAndServeThem() throws Exception {
        TestDatabase.reset();
        // Quick to train and always deployed: no search, no cross-validation, the gate's verdict recorded but not binding.
        definitions = ServeProcess.definitions(dir.resolve("pipelines"), (name, text) -> text
                .replaceAll("(?m)^    search: .*\\n", "").replaceAll("(?m)^    cv: .*\\n", "")
                .replace("  deploy:\n    strategy: local\n", "  deploy:\n    strategy: local\n    allow-non-validated: true\n")
                .replace("    allow-non-validated: false\n", ""));
        run("ad-conversions", KAG, MLFLOW);
        run("campaign-clv", generate("campaign-clv", 3_000), MLFLOW);
        run("session-conversion", generate("session-conversion", 6_000), MLFLOW);
        run("campaign-purchases", generate("campaign-purchases", 30_000), MLFLOW);
        serve = ServeProcess.start(dir.resolve("data"), List.of("--adlift.pipelines-dir=" + definitions));
    }

    @AfterAll
    static void stopServing() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ad-conversions", "campaign-clv", "session-conversion", "campaign-purchases"})
    void shouldBeFoundAsALoggedModelAndPredictRawRecordsInPythonAsServed(String pipeline) throws Exception {
        Path input = "ad-conversions".equals(pipeline) ? KAG : dir.resolve("in-" + pipeline);
        Path out = dir.resolve("python-" + pipeline);
        JsonNode report = python(MlflowServer.python(), MLFLOW, pipeline, pipeline, experiment(pipeline), input, out);

        assertThat(report.path("mlflow_version").asString()).isEqualTo("3.17.2");
        assertTheChampionIsALoggedModelWithItsMetrics(report, pipeline);
        // a read_csv frame as it comes: integers as long, decimals as double, no cast by the user
        assertThat(report.path("frame_dtypes").toString()).doesNotContain("float32");
        assertPredictsAsServed(pipeline, out);
    }

    @Test
    void shouldWorkTheSameWithTheOldestSupportedMlflow() throws Exception {
        String model = "ad-conversions-oldest-" + RUN;
        Path oldDefinitions = ServeProcess.definitions(dir.resolve("pipelines-oldest"), (name, text) -> {
            String edited = Files.exists(definitions.resolve(name)) ? read(definitions.resolve(name)) : text;
            return "ad-conversions.yml".equals(name)
                    ? edited.replace("    allow-non-validated: true\n", "    allow-non-validated: true\n    model-name: " + model + "\n")
                    : edited;
        });
        Adlift.Result result = Adlift.onPostgres(dir.resolve("data-oldest"))
                .with("--adlift.pipelines-dir=" + oldDefinitions)
                .with("--mlflow.tracking-uri=" + OLDEST.uri())
                .with("--mlflow.experiment-name=" + experiment("ad-conversions") + "-oldest")
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-10-02");
        assertThat(result.exitCode()).as(result.all()).isZero();

        Path out = dir.resolve("python-oldest");
        JsonNode report = python(MlflowServer.oldestPython(), OLDEST, "ad-conversions", model,
                experiment("ad-conversions") + "-oldest", KAG, out);

        assertThat(report.path("mlflow_version").asString()).isEqualTo("3.5.1");
        assertTheChampionIsALoggedModelWithItsMetrics(report, "ad-conversions");
        // the same data, definition and seed as the served champion: the same model
        assertPredictsAsServed("ad-conversions", out);
    }

    @Test
    void shouldShowTheModelsInTheMlflowUi() throws Exception {
        String experimentId = MLFLOW.get("experiments/get-by-name", Map.of("experiment_name", experiment("ad-conversions")))
                .path("experiment").path("experiment_id").asString();
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"))) {
            chromium.call("Page.enable", Map.of());
            // the machine-learning view of the experiment, not MLflow 3's GenAI one
            chromium.navigate(MLFLOW.uri() + "/#/experiments/" + experimentId + "/models?workflowType=machine_learning");
            chromium.await("document.body && document.body.innerText.includes('Ready')", Duration.ofSeconds(60));
            Thread.sleep(1500);
            chromium.screenshot(Path.of("target", "mlflow-models-tab.png"));
            String modelsTab = (String) chromium.evaluate("document.body.innerText");
            assertThat(modelsTab).contains("Models").contains("Ready").contains("ad-conversions 2026-10-01 #");

            chromium.navigate(MLFLOW.uri() + "/#/models/ad-conversions?workflowType=machine_learning");
            chromium.await("document.body && document.body.innerText.includes('Version')", Duration.ofSeconds(60));
            Thread.sleep(1500);
            chromium.screenshot(Path.of("target", "mlflow-registered-model.png"));
            assertThat((String) chromium.evaluate("document.body.innerText")).contains("champion");
        }
        assertThat(Path.of("target", "mlflow-models-tab.png")).isNotEmptyFile();
        assertThat(Path.of("target", "mlflow-registered-model.png")).isNotEmptyFile();
    }

    private static void assertTheChampionIsALoggedModelWithItsMetrics(JsonNode report, String pipeline) {
        String modelId = report.path("champion_model_id").asString();
        assertThat(modelId).as(report.toString()).startsWith("m-");
        assertThat(report.path("champion_found_by_search").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("champion_source").asString()).isEqualTo("models:/" + modelId);
        // sent with the version, but an open-source server does not keep it (its registry has no such column)
        assertThat(report.path("champion_model_id_field").asString(modelId)).isEqualTo(modelId);
        JsonNode logged = null;
        for (JsonNode m : report.path("logged_models")) {
            if (modelId.equals(m.path("model_id").asString())) {
                logged = m;
            }
        }
        assertThat(logged).as(report.toString()).isNotNull();
        assertThat(logged.path("status").asString()).contains("READY");
        List<String> metrics = new ArrayList<>();
        logged.path("metrics").propertyNames().forEach(metrics::add);
        assertThat(metrics).as("metrics of %s", modelId).anyMatch(k -> k.startsWith("test."));
        String primary = "session-conversion".equals(pipeline) ? "test.roc_auc" : "test.rmse";
        assertThat(metrics).contains(primary);
    }

    /** The pyfunc's answers for the records Python read equal what {@code adlift serve} answers for them. */
    @SuppressWarnings("unchecked")
    private static void assertPredictsAsServed(String pipeline, Path out) throws Exception {
        List<Map<String, Object>> records = (List<Map<String, Object>>) JSON.readValue(
                out.resolve("records.json").toFile(), List.class);
        Map<String, List<Number>> python = (Map<String, List<Number>>) JSON.readValue(
                out.resolve("predictions.json").toFile(), Map.class);
        assertThat(records).hasSizeGreaterThan(20);
        ServeProcess.Answer answer = serve.post("/api/v1/pipelines/" + pipeline + "/predict", records);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Map<String, Object>> served = (List<Map<String, Object>>) answer.object().get("predictions");
        assertThat(served).hasSameSizeAs(records);
        for (int i = 0; i < records.size(); i++) {
            assertThat(python.get("prediction").get(i).doubleValue()).as("%s record %d", pipeline, i)
                    .isCloseTo(((Number) served.get(i).get("prediction")).doubleValue(), within(1e-6));
            if (served.get(i).get("probability") != null) {
                assertThat(python.get("probability").get(i).doubleValue()).as("%s record %d", pipeline, i)
                        .isCloseTo(((Number) served.get(i).get("probability")).doubleValue(), within(1e-6));
            }
        }
    }

    private static String experiment(String pipeline) {
        return "it-models-" + pipeline + "-" + RUN;
    }

    private static Path generate(String pipeline, int rows) {
        Path input = dir.resolve("in-" + pipeline);
        Adlift.Result generated = Adlift.onPostgres(dir.resolve("data")).run("generate", pipeline, "--rows",
                Integer.toString(rows), "--seed", "11", "--out", input.toString());
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        return input;
    }

    private static void run(String pipeline, Path input, MlflowServer mlflow) {
        Adlift.Result result = Adlift.onPostgres(dir.resolve("data"))
                .with("--adlift.pipelines-dir=" + definitions)
                .with("--mlflow.tracking-uri=" + mlflow.uri())
                .with("--mlflow.experiment-name=" + experiment(pipeline))
                .run("run", pipeline, "--input", input.toString(), "--business-date", "2026-10-01");
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    private static JsonNode python(Path python, MlflowServer mlflow, String pipeline, String model, String experiment,
            Path input, Path out) throws Exception {
        MlflowServer.PythonRun run = mlflow.runPython(python, dir, "mlflow_models.py", pipeline, model, experiment,
                input.toString(), out.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.lastLine();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
