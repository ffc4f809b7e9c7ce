package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The MLflow 3.17.2 pages a data scientist opens for Adlift's runs, and what they fetch: the Kaggle file run once with
 * its gate (deployed), once with a gate it cannot pass (refused, exit 5) and once KPI-only. The model version page's
 * artifact endpoint answers with the MLmodel and its signature; the runs carry the decision, distinct train and test
 * digests, descriptions, the training and validation curves, the report with its plots embedded, KPI metrics on the
 * KPI-only run. Screenshots of the version page and the run page are left in {@code target/}.
 */
class MlflowPagesOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final MlflowServer MLFLOW = MlflowServer.plain();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path dir;

    static JsonNode deployed;
    static JsonNode refused;
    static JsonNode kpiOnly;

    @BeforeAll
    static void runDeployedRefusedAndKpiOnly() throws Exception {
        TestDatabase.reset();
        // Quick to train: no search, no cross-validation; the shipped gate (r2 >= 0.5, rmse <= 2) passes on this file.
        Path quick = ServeProcess.definitions(dir.resolve("quick"), (name, text) -> text
                .replaceAll("(?m)^    search: .*\\n", "").replaceAll("(?m)^    cv: .*\\n", ""));
        // The same, with a gate no model of this file passes.
        Path strict = ServeProcess.definitions(dir.resolve("strict"), (name, text) -> text
                .replaceAll("(?m)^    search: .*\\n", "").replaceAll("(?m)^    cv: .*\\n", "")
                .replace("{ metric: r2,   min: 0.5 }", "{ metric: r2,   min: 0.99 }"));
        Path kpi = AdFile.kpiOnlyDefinition(dir.resolve("kpi"));
        deployed = run(quick, "deployed", "2026-11-01", 0);
        refused = run(strict, "refused", "2026-11-02", 5);
        kpiOnly = run(kpi, "kpi", "2026-11-03", 0);
    }

    @Test
    void shouldAnswerTheVersionPagesArtifactRequestWithTheSignature() throws Exception {
        int version = version(deployed);
        // exactly what the 3.17.2 version page requests to show its schema (seen in the server's log)
        String mlmodel = MLFLOW.page("/model-versions/get-artifact?path=MLmodel&name=ad-conversions&version=" + version);
        assertThat(mlmodel).contains("signature:").contains("inputs:").contains("\\\"name\\\":\\\"Impressions\\\"")
                .contains("outputs:").contains("\\\"name\\\":\\\"prediction\\\"")
                .contains("\\\"name\\\":\\\"lower\\\"").contains("\\\"name\\\":\\\"upper\\\"");
        assertThat(MLFLOW.page("/model-versions/get-artifact?path=requirements.txt&name=ad-conversions&version=" + version))
                .contains("mlflow>=3.5.1,<4");

        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"))) {
            chromium.call("Page.enable", Map.of());
            chromium.navigate(MLFLOW.uri() + "/#/models/ad-conversions/versions/" + version + "?workflowType=machine_learning");
            chromium.await("document.body && document.body.innerText.includes('Inputs (')", Duration.ofSeconds(60));
            Thread.sleep(1500);
            chromium.screenshot(Path.of("target", "mlflow-model-version.png"));
            String page = (String) chromium.evaluate("document.body.innerText");
            // a regression model answers its prediction and the conformal interval's bounds
            assertThat(page).contains("Inputs (11)").contains("Outputs (3)").contains("gate passed");
        }
        assertThat(Path.of("target", "mlflow-model-version.png")).isNotEmptyFile();
    }

    @Test
    void shouldShowTheDecisionOnTheRunOfADeployedAndOfARefusedModel() {
        assertThat(tags(deployed)).containsEntry("adlift.decision", "deployed").containsEntry("adlift.gate", "passed");
        assertThat(tags(deployed).get("adlift.decision.reason")).startsWith("gate passed: ").contains("r2 = 0.");
        assertThat(tags(refused)).containsEntry("adlift.decision", "not_deployed").containsEntry("adlift.gate", "refused");
        // the criterion that refused, with its figure
        assertThat(tags(refused).get("adlift.decision.reason")).matches("r2 = 0\\.\\d+ is below the minimum 0\\.99");
    }

    @Test
    void shouldShowTheDescriptionAndTheDecisionOnTheRefusedRunsPage() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium-overview"))) {
            chromium.call("Page.enable", Map.of());
            chromium.navigate(MLFLOW.uri() + "/#/experiments/" + refused.path("info").path("experiment_id").asString()
                    + "/runs/" + refused.path("info").path("run_id").asString() + "?workflowType=machine_learning");
            chromium.await("document.body && document.body.innerText.includes('not_deployed')", Duration.ofSeconds(60));
            Thread.sleep(1500);
            chromium.screenshot(Path.of("target", "mlflow-run-refused.png"));
            assertThat((String) chromium.evaluate("document.body.innerText")).contains("Adlift run of the data of 2026-11-02");
        }
        assertThat(Path.of("target", "mlflow-run-refused.png")).isNotEmptyFile();
    }

    @Test
    void shouldLogTrainAndTestSetsWithDistinctDigestsAndDescriptions() {
        Map<String, String> digests = new HashMap<>();
        for (JsonNode input : deployed.path("inputs").path("dataset_inputs")) {
            JsonNode dataset = input.path("dataset");
            digests.put(dataset.path("name").asString(), dataset.path("digest").asString());
            assertThat(dataset.path("profile").asString()).contains("\"description\":\"The ");
        }
        assertThat(digests).containsKeys("ad-conversions.ads.train", "ad-conversions.ads.test");
        assertThat(digests.get("ad-conversions.ads.train")).isNotEqualTo(digests.get("ad-conversions.ads.test"));

        assertThat(tags(deployed).get("mlflow.note.content")).startsWith("**ad-conversions**: Facebook ads")
                .contains("2026-11-01");
        JsonNode model = MLFLOW.get("registered-models/get", Map.of("name", "ad-conversions")).path("registered_model");
        assertThat(model.path("description").asString()).startsWith("Models of the Adlift pipeline **ad-conversions**");
        JsonNode version = MLFLOW.get("model-versions/get", Map.of("name", "ad-conversions",
                "version", Integer.toString(version(deployed)))).path("model_version");
        assertThat(version.path("description").asString()).contains("gate passed");
    }

    @Test
    void shouldLogTheValidationCurveBesideTheTrainingCurveAndTimingsAsSystemMetrics() throws Exception {
        String runId = deployed.path("info").path("run_id").asString();
        List<JsonNode> train = history(runId, "curve/train.rmse");
        List<JsonNode> valid = history(runId, "curve/valid.rmse");
        assertThat(train).hasSizeGreaterThan(10);
        assertThat(valid).hasSameSizeAs(train);
        assertThat(valid.get(valid.size() - 1).path("step").asLong()).isEqualTo(train.size() - 1);
        // the validation rows are the test rows: after the last round the curve is the test RMSE evaluate measured
        assertThat(valid.get(valid.size() - 1).path("value").asDouble()).isCloseTo(metrics(deployed).get("test.rmse"), within(1e-3));
        assertThat(metrics(deployed)).containsKey("system/step.train.seconds").doesNotContainKey("step.train.seconds");

        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium-run"))) {
            chromium.call("Page.enable", Map.of());
            chromium.navigate(MLFLOW.uri() + "/#/experiments/"
                    + deployed.path("info").path("experiment_id").asString() + "/runs/" + runId
                    + "/model-metrics?workflowType=machine_learning");
            chromium.await("document.body && document.body.innerText.includes('valid.rmse')", Duration.ofSeconds(60));
            // a drawn curve has its x axis, "Step": the screenshot waits for it rather than showing spinners
            chromium.await("document.body.innerText.includes('Step')", Duration.ofSeconds(60));
            Thread.sleep(2000);
            chromium.screenshot(Path.of("target", "mlflow-run-metrics.png"));
            String page = (String) chromium.evaluate("document.body.innerText");
            // the curves' section (both curves) comes first, before the single figures
            // (the page draws only the charts in view, so the text below the first chart varies)
            assertThat(page).containsPattern("Auto-refresh\\s+curve\\s+\\(2\\)\\s+Add chart\\s+train\\.rmse");
        }
        assertThat(Path.of("target", "mlflow-run-metrics.png")).isNotEmptyFile();
    }

    @Test
    void shouldEmbedTheReportsPlotsSoTheReportRendersInsideMlflow() {
        String html = MLFLOW.artifact(deployed, "report/report.html");
        assertThat(html).contains("<img src=\"data:image/png;base64,iVBORw0KGgo").doesNotContain("src=\"plots/");
    }

    @Test
    void shouldLogTheHeadlineKpisOfAKpiOnlyRun() {
        Map<String, Double> metrics = metrics(kpiOnly);
        assertThat(metrics).containsEntry("kpi.kpi_campaign.rows", 3.0);
        assertThat(metrics.get("kpi.kpi_campaign.total_impressions")).isPositive();
        assertThat(metrics.get("kpi.kpi_campaign.overall_ctr")).isCloseTo(
                metrics.get("kpi.kpi_campaign.total_clicks") / metrics.get("kpi.kpi_campaign.total_impressions"), within(1e-12));
        assertThat(metrics).noneSatisfy((k, v) -> assertThat(k).startsWith("test."));
        assertThat(tags(kpiOnly)).doesNotContainKey("adlift.decision");
    }

    private static JsonNode run(Path definitions, String name, String date, int exitCode) {
        String experiment = "it-pages-" + name + "-" + RUN;
        Adlift.Result result = Adlift.onPostgres(dir.resolve("data"))
                .with("--adlift.pipelines-dir=" + definitions)
                .with("--mlflow.tracking-uri=" + MLFLOW.uri())
                .with("--mlflow.experiment-name=" + experiment)
                .run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", date);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(exitCode);
        // the printed link opens MLflow's machine-learning view
        assertThat(result.all()).containsPattern("/#/experiments/\\d+/runs/[0-9a-f]+\\?workflowType=machine_learning");
        List<JsonNode> runs = MLFLOW.runs(experiment);
        assertThat(runs).hasSize(1);
        // the run as its page gets it, inputs included
        return MLFLOW.get("runs/get", Map.of("run_id", runs.get(0).path("info").path("run_id").asString())).path("run");
    }

    private static int version(JsonNode run) {
        JsonNode found = MLFLOW.get("model-versions/search", Map.of("filter",
                "run_id='" + run.path("info").path("run_id").asString() + "'"));
        return Integer.parseInt(found.path("model_versions").get(0).path("version").asString());
    }

    private static Map<String, String> tags(JsonNode run) {
        Map<String, String> tags = new HashMap<>();
        run.path("data").path("tags").forEach(t -> tags.put(t.path("key").asString(), t.path("value").asString()));
        return tags;
    }

    private static Map<String, Double> metrics(JsonNode run) {
        Map<String, Double> metrics = new HashMap<>();
        run.path("data").path("metrics").forEach(m -> metrics.put(m.path("key").asString(), m.path("value").asDouble()));
        return metrics;
    }

    private static List<JsonNode> history(String runId, String key) {
        List<JsonNode> points = new java.util.ArrayList<>();
        MLFLOW.get("metrics/get-history", Map.of("run_id", runId, "metric_key", key, "max_results", "1000"))
                .path("metrics").forEach(points::add);
        points.sort(java.util.Comparator.comparingLong(p -> p.path("step").asLong()));
        return points;
    }
}
