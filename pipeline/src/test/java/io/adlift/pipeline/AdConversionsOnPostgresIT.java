package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ad-conversions pipeline on a real PostgreSQL with the real Kaggle file (old-Mac CR line ends, no
 * final newline), checked against figures this test computes from the file by itself.
 */
class AdConversionsOnPostgresIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");

    @TempDir
    static Path dataDir;

    /** Per campaign: impressions, clicks, spend, conversions, approved conversions, summed independently. */
    private static final Map<String, double[]> expected = new HashMap<>();
    private static int fileRows;

    @BeforeAll
    static void computeExpectedFiguresFromTheFileAndResetTheDatabase() throws IOException {
        TestDatabase.reset();
        String content = Files.readString(KAG, StandardCharsets.UTF_8);
        String[] lines = content.split("\r");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split(",");
            double[] sums = expected.computeIfAbsent(f[1], k -> new double[5]);
            for (int m = 0; m < 5; m++) {
                sums[m] += Double.parseDouble(f[6 + m]);
            }
            fileRows++;
        }
    }

    private Adlift adlift() {
        return Adlift.onPostgres(dataDir);
    }

    @Test
    void shouldStageEveryRowOfTheRealKaggleFileAndWriteCampaignKpisMatchingItsSums() {
        Adlift.Result result = adlift().run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-01-10");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(fileRows).isEqualTo(1143);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stg_ad_conversions_ads s JOIN batch_job_execution e "
                + "ON e.job_instance_id = s.job_instance_id WHERE e.job_execution_id = ?", executionId(result))).isEqualTo(1143);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM ingest_reject")).isZero();
        assertThat(result.out()).contains("1143 rows read, 1143 staged, 0 rejected at ingest");

        List<Map<String, Object>> campaigns = TestDatabase.rows(
                "SELECT * FROM kpi_campaign WHERE business_date = DATE '2026-01-10' ORDER BY campaign_id");
        assertThat(campaigns).hasSize(3);
        for (Map<String, Object> row : campaigns) {
            double[] sums = expected.get((String) row.get("campaign_id"));
            assertThat(sums).as("campaign %s in the file", row.get("campaign_id")).isNotNull();
            assertThat(((Number) row.get("impressions")).doubleValue()).isEqualTo(sums[0]);
            assertThat(((Number) row.get("clicks")).doubleValue()).isEqualTo(sums[1]);
            assertThat((Double) row.get("spend")).isCloseTo(sums[2], within(1e-6));
            assertThat(((Number) row.get("conversions")).doubleValue()).isEqualTo(sums[3]);
            assertThat(((Number) row.get("approved_conversions")).doubleValue()).isEqualTo(sums[4]);
            assertThat((Double) row.get("ctr")).isCloseTo(sums[1] / sums[0], within(1e-12));
            assertThat((Double) row.get("cpc")).isCloseTo(sums[2] / sums[1], within(1e-9));
            assertThat((Double) row.get("cpm")).isCloseTo(sums[2] / sums[0] * 1000, within(1e-9));
            assertThat((Double) row.get("cvr")).isCloseTo(sums[3] / sums[1], within(1e-12));
            assertThat((Double) row.get("cpa")).isCloseTo(sums[2] / sums[3], within(1e-9));
            assertThat(row.get("roas")).isNull();
            assertThat(row.get("roi")).isNull();
            assertThat(row.get("job_execution_id")).isEqualTo(executionId(result));
        }
    }

    @Test
    void shouldChooseAModelBySearchAndReportItsRepeatedCrossValidationAboveThePeersInStatusAndReport() throws Exception {
        Adlift.Result run = adlift().run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-01-20");
        long execution = executionId(run);

        Adlift.Result status = adlift().run("status", Long.toString(execution), "--json");
        assertThat(run.out()).containsPattern("Model choice: \\w+, the best of \\d+ trials \\(cross-validated rmse ")
                .containsPattern("Cross-validation over 25 folds: .*r2 0\\.7\\d+ ± 0\\.\\d+, rmse 0\\.\\d+ ± ");

        assertThat(status.exitCode()).as(status.all()).isZero();
        com.fasterxml.jackson.databind.JsonNode metrics = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(status.out()).get("metrics");
        assertThat(metrics.get("cv.folds").asDouble()).isEqualTo(25);
        // the quality target: the best published peers reach R² 0.70–0.71 and RMSE ≈ 0.89 under 5 × 5 CV
        assertThat(metrics.get("cv.r2_mean").asDouble()).isGreaterThanOrEqualTo(0.71);
        assertThat(metrics.get("cv.r2_std").asDouble()).isBetween(0.0, 0.3);
        assertThat(metrics.get("cv.rmse_mean").asDouble()).isBetween(0.5, 0.9);
        long instance = TestDatabase.count("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?",
                execution);
        List<Map<String, Object>> trials = TestDatabase.rows("SELECT candidate, cv_mean, chosen, rounds, params "
                + "FROM model_trial WHERE job_instance_id = ? ORDER BY trial", instance);
        assertThat(trials).extracting(t -> t.get("candidate")).contains("defined", "trees", "linear", "forest");
        assertThat(trials).filteredOn(t -> Boolean.TRUE.equals(t.get("chosen"))).hasSize(1).first().satisfies(chosen -> {
            // chosen by the lowest cross-validated RMSE (the primary metric) on the training rows
            double best = trials.stream().filter(t -> t.get("cv_mean") != null)
                    .mapToDouble(t -> (Double) t.get("cv_mean")).min().orElseThrow();
            assertThat((Double) chosen.get("cv_mean")).isEqualTo(best);
            assertThat((Integer) chosen.get("rounds")).isPositive();
        });
        Path report;
        try (var files = Files.walk(dataDir)) {
            report = files.filter(p -> p.endsWith("report/report.json") && p.toString().contains("/runs/")).findFirst()
                    .orElseThrow().getParent();
        }
        assertThat(Files.readString(report.resolve("report.json"))).contains("\"cv\"").contains("\"r2\"")
                .contains("\"candidate\" : \"linear\"");
        assertThat(Files.readString(report.getParent().resolve("model-choice.json")))
                .contains("\"candidate\" : \"" + trials.stream().filter(t -> Boolean.TRUE.equals(t.get("chosen")))
                        .findFirst().orElseThrow().get("candidate") + "\"");
        assertThat(Files.readString(report.resolve("report.html"))).contains("Cross-validation")
                .contains("title=\"plots/actual_vs_predicted.png\"").contains("src=\"data:image/png;base64,");
        for (String plot : List.of("actual_vs_predicted", "residuals", "importance_gain", "shap_summary", "learning_curve")) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(report.resolve("plots/" + plot + ".png").toFile());
            assertThat(image).as(plot).isNotNull();
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void shouldGiveNullRatiosNotZeroOrInfinityForSegmentsWithoutClicks() {
        Adlift.Result result = adlift().run("run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-01-11");
        assertThat(result.exitCode()).as(result.all()).isZero();

        List<Map<String, Object>> zeroClick = TestDatabase.rows(
                "SELECT * FROM kpi_segment WHERE business_date = DATE '2026-01-11' AND clicks = 0");
        assertThat(zeroClick).as("the file has segments without clicks").isNotEmpty();
        assertThat(zeroClick).allSatisfy(row -> {
            assertThat(row.get("cpc")).isNull();
            assertThat(row.get("cvr")).isNull();
            assertThat((Double) row.get("ctr")).isZero();
        });
        double totalImpressions = 0;
        for (double[] sums : expected.values()) {
            totalImpressions += sums[0];
        }
        assertThat(TestDatabase.count("SELECT SUM(impressions) FROM kpi_segment WHERE business_date = DATE '2026-01-11'"))
                .isEqualTo((long) totalImpressions);
    }

    @Test
    void shouldLeaveExactlyTheSameKpiRowsWhenTheSameCommandRunsAgain() {
        String[] command = {"run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-01-12"};
        assertThat(adlift().run(command).exitCode()).isZero();
        List<Map<String, Object>> before = kpiRows("2026-01-12");

        Adlift.Result again = adlift().run(command);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Already completed");
        assertThat(kpiRows("2026-01-12")).isEqualTo(before);
    }

    @Test
    void shouldReplaceNotDuplicateTheDatesKpiRowsOnRerun() {
        String[] command = {"run", "ad-conversions", "--input", KAG.toString(), "--business-date", "2026-01-13"};
        Adlift.Result first = adlift().run(command);
        assertThat(first.exitCode()).as(first.all()).isZero();
        List<Map<String, Object>> before = kpiRows("2026-01-13");

        Adlift.Result rerun = adlift().run(append(command, "--rerun"));

        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        List<Map<String, Object>> after = kpiRows("2026-01-13");
        assertThat(after).hasSameSizeAs(before);
        assertThat(after).allSatisfy(r -> assertThat(r.get("job_execution_id")).isEqualTo(executionId(rerun)));
        assertThat(executionId(rerun)).isNotEqualTo(executionId(first));
        assertThat(withoutLineage(after)).isEqualTo(withoutLineage(before));
    }

    private static List<Map<String, Object>> kpiRows(String date) {
        return TestDatabase.rows("SELECT * FROM kpi_campaign WHERE business_date = CAST(? AS DATE) ORDER BY campaign_id", date);
    }

    private static List<Map<String, Object>> withoutLineage(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> copy = new HashMap<>(r);
            copy.remove("job_execution_id");
            copy.remove("computed_at");
            return copy;
        }).toList();
    }

    static long executionId(Adlift.Result result) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Run (\\d+) of").matcher(result.out());
        assertThat(m.find()).as("a run summary in: %s", result.all()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
