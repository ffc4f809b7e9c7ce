package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adlift serve}'s prediction API over real HTTP, serving the model a real run of ad-conversions on
 * the real Kaggle file deployed, on PostgreSQL. The run writes every row's batch prediction
 * ({@code evaluate.write-predictions}, switched on in a copy of the shipped definition), which the served
 * answers must equal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServePredictOnKaggleIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final String PREDICT = "/api/v1/pipelines/ad-conversions/predict";
    private static final List<String> INTEGERS = List.of("ad_id", "interest", "Impressions", "Clicks", "Total_Conversion",
            "Approved_Conversion");

    @TempDir
    static Path dataDir;

    private static List<String> settings;
    private static ServeProcess serve;

    @BeforeAll
    static void runTheRealFileThenServe() throws Exception {
        TestDatabase.reset();
        Path definitions = ServeProcess.definitions(dataDir.resolve("pipelines"), (name, text) -> name.equals(
                "ad-conversions.yml") ? text.replace("  evaluate:\n", "  evaluate:\n    write-predictions: true\n") : text);
        settings = List.of("--adlift.pipelines-dir=" + definitions, "--adlift.serve.max-records=600",
                "--adlift.serve.max-body-size=300KB");
        Adlift.Result run = adlift().run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-02-01");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM model_prediction WHERE pipeline = 'ad-conversions'"))
                .isEqualTo(1143);
        serve = ServeProcess.start(dataDir, settings);
    }

    private static Adlift adlift() {
        Adlift adlift = Adlift.onPostgres(dataDir);
        settings.forEach(adlift::with);
        return adlift;
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            assertThat(serve.stop()).as("exit code after SIGTERM").isZero();
            serve.close();
        }
    }

    /** The Kaggle file's records as a client would send them: numbers as JSON numbers, as in the CSV. */
    private static List<Map<String, Object>> kaggleRecords() throws Exception {
        String[] lines = Files.readString(KAG, StandardCharsets.UTF_8).split("\r");
        String[] header = lines[0].split(",");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",");
            Map<String, Object> record = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                String name = header[c];
                record.put(name, INTEGERS.contains(name) ? (Object) Long.parseLong(fields[c])
                        : name.equals("Spent") ? (Object) Double.parseDouble(fields[c]) : fields[c]);
            }
            records.add(record);
        }
        return records;
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void shouldAnswerEveryKaggleRecordWithTheModelsOwnBatchPrediction() throws Exception {
        Map<String, Double> batch = new HashMap<>();
        Map<String, Double> lower = new HashMap<>();
        Map<String, Double> upper = new HashMap<>();
        TestDatabase.rows("SELECT row_key, prediction, prediction_lower, prediction_upper FROM model_prediction "
                + "WHERE pipeline = 'ad-conversions'").forEach(r -> {
                    batch.put((String) r.get("row_key"), (Double) r.get("prediction"));
                    lower.put((String) r.get("row_key"), (Double) r.get("prediction_lower"));
                    upper.put((String) r.get("row_key"), (Double) r.get("prediction_upper"));
                });
        List<Map<String, Object>> records = kaggleRecords();
        assertThat(records).hasSize(1143);
        int compared = 0;
        for (int from = 0; from < records.size(); from += 500) {
            List<Map<String, Object>> part = records.subList(from, Math.min(records.size(), from + 500));
            ServeProcess.Answer answer = serve.post(PREDICT, part);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Map<String, Object> body = answer.object();
            assertThat(body).containsEntry("model", "ad-conversions").containsEntry("version", 1);
            List<Map<String, Object>> predictions = (List<Map<String, Object>>) body.get("predictions");
            assertThat(predictions).hasSize(part.size());
            for (int i = 0; i < part.size(); i++) {
                String key = String.valueOf(part.get(i).get("ad_id"));
                assertThat(((Number) predictions.get(i).get("prediction")).doubleValue()).as("ad %s", key)
                        .isEqualTo(batch.get(key));
                // the split-conformal interval evaluate calibrated, the same in the batch table and the answer
                assertThat(lower.get(key)).as("ad %s", key).isLessThan(batch.get(key));
                assertThat(((Number) predictions.get(i).get("lower")).doubleValue()).isEqualTo(lower.get(key), within(1e-9));
                assertThat(((Number) predictions.get(i).get("upper")).doubleValue()).isEqualTo(upper.get(key), within(1e-9));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(1143);
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void shouldAnswer400WithOneMessagePerRecordAndField() throws Exception {
        Map<String, Object> good = kaggleRecords().get(0);
        Map<String, Object> bad = new LinkedHashMap<>(good);
        bad.put("Clicks", "many");
        bad.put("Spent", -3.5);
        bad.remove("age");
        bad.put("colour", "red");
        bad.put("interest", 2.5);

        ServeProcess.Answer answer = serve.post(PREDICT, List.of(good, bad));

        assertThat(answer.status()).isEqualTo(400);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.object().get("errors");
        assertThat(errors).allSatisfy(e -> assertThat(e).containsEntry("record", 1));
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.put((String) e.get("field"), (String) e.get("message")));
        assertThat(byField).containsOnlyKeys("Clicks", "Spent", "age", "colour", "interest");
        assertThat(byField.get("Clicks")).contains("not an integer: 'many'");
        assertThat(byField.get("Spent")).contains("must be at least 0, was -3.5");
        assertThat(byField.get("age")).contains("is required");
        assertThat(byField.get("colour")).contains("unknown field");
        assertThat(byField.get("interest")).contains("not an integer: '2.5'");
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void shouldRefuseACategoryTheModelNeverSawNamingTheValuesItTakes() throws Exception {
        Map<String, Object> nonsense = new LinkedHashMap<>(kaggleRecords().get(0));
        nonsense.put("xyz_campaign_id", 999);
        nonsense.put("gender", "X");
        nonsense.put("age", "twenty");
        nonsense.put("Impressions", "twenty");

        ServeProcess.Answer answer = serve.post(PREDICT, List.of(nonsense));

        assertThat(answer.status()).isEqualTo(400);
        Map<String, String> byField = new HashMap<>();
        ((List<Map<String, Object>>) answer.object().get("errors"))
                .forEach(e -> byField.put((String) e.get("field"), (String) e.get("message")));
        assertThat(byField).containsOnlyKeys("xyz_campaign_id", "gender", "age", "Impressions");
        assertThat(byField.get("xyz_campaign_id")).isEqualTo("'999' was not seen in training; Campaign is one of 916, 936, 1178");
        assertThat(byField.get("gender")).isEqualTo("'X' was not seen in training; Gender is one of F, M");
        assertThat(byField.get("age")).contains("'twenty' was not seen in training").contains("30-34, 35-39, 40-44, 45-49");
        assertThat(byField.get("Impressions")).contains("not an integer: 'twenty'");

        List<Map<String, Object>> inputs = (List<Map<String, Object>>) serve.get("/api/v1/pipelines/ad-conversions/inputs")
                .json();
        Map<String, Object> campaign = inputs.stream().filter(f -> f.get("name").equals("xyz_campaign_id")).findFirst()
                .orElseThrow();
        assertThat(campaign).containsEntry("label", "Campaign").containsEntry("categorical", true);
        assertThat((List<String>) campaign.get("categories")).containsExactlyInAnyOrder("916", "936", "1178");
        Map<String, Object> clicks = inputs.stream().filter(f -> f.get("name").equals("Clicks")).findFirst().orElseThrow();
        assertThat(((Number) clicks.get("seenMin")).doubleValue()).isZero();
        assertThat(((Number) clicks.get("seenMax")).doubleValue()).isEqualTo(421);
        assertThat(clicks.get("defaultValue")).isInstanceOf(Number.class);
    }

    @Test
    @Order(3)
    void shouldRefuseTooManyRecordsTooLargeABodyAndWhatIsNotAnArrayOfRecords() throws Exception {
        List<Map<String, Object>> records = kaggleRecords();
        ServeProcess.Answer tooMany = serve.post(PREDICT, records.subList(0, 601));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 600 records per request");

        ServeProcess.Answer tooLarge = serve.postRaw(PREDICT, "[{\"age\":\"" + "x".repeat(400_000) + "\"}]");
        assertThat(tooLarge.status()).isEqualTo(413);

        ServeProcess.Answer notAnArray = serve.postRaw(PREDICT, "{\"age\":\"30-34\"}");
        assertThat(notAnArray.status()).isEqualTo(400);
        assertThat(notAnArray.body()).contains("must be JSON: an array of records");

        assertThat(serve.postRaw(PREDICT, "[]").status()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void shouldAnswer404ForAnUnknownPipelineAndOneWithoutAModel() throws Exception {
        ServeProcess.Answer unknown = serve.postRaw("/api/v1/pipelines/nope/predict", "[{}]");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown pipeline 'nope'", "ad-conversions");
        ServeProcess.Answer kpiOnly = serve.postRaw("/api/v1/pipelines/influencer-roas/predict", "[{}]");
        assertThat(kpiOnly.status()).isEqualTo(404);
        assertThat(kpiOnly.body()).contains("kpi-only");
    }

    @Test
    @Order(5)
    void shouldPublishTheOpenApiDocumentAndExposeNoActuatorEndpointButHealth() throws Exception {
        ServeProcess.Answer docs = serve.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"", "/api/v1/pipelines/{pipeline}/predict");
        assertThat(serve.get("/actuator/health").status()).isEqualTo(200);
        assertThat(serve.get("/actuator/metrics").status()).isEqualTo(404);
        assertThat(serve.get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void shouldRefuseUploadsAndRunLaunchesUnlessEnabled() throws Exception {
        String boundary = "b" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ads\"; filename=\"ads.csv\"\r\n\r\n"
                + Files.readString(KAG) + "\r\n--" + boundary + "--\r\n";
        ServeProcess.Answer upload = serve.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(serve.url("/api/v1/pipelines/ad-conversions/uploads")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer anything")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.body()).contains("uploads are disabled");
        assertThat(serve.get("/api/v1/uploads/some-id").status()).isEqualTo(403);
        assertThat(Files.exists(dataDir.resolve("uploads"))).isFalse();
    }

    @Test
    @Order(6)
    void shouldServeANewlyDeployedChampionWithoutRestart() throws Exception {
        Map<String, Object> record = kaggleRecords().get(0);
        assertThat(serve.post(PREDICT, List.of(record)).object()).containsEntry("version", 1);

        Adlift.Result rerun = adlift().run("run", "ad-conversions", "--input", KAG.toString(), "--business-date",
                "2026-02-02");
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();

        ServeProcess.Answer answer = serve.post(PREDICT, List.of(record));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.object()).containsEntry("version", 2);
    }
}
