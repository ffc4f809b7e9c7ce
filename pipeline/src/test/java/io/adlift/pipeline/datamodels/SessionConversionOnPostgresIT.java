package io.adlift.pipeline.datamodels;

import static io.adlift.pipeline.datamodels.GeneratedFiles.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * session-conversion on 100,000 generated sessions: last-touch attribution, ROAS and CAC by creative
 * checked against an attribution this test does itself (each user's sessions sorted in memory), and a
 * conversion classifier that never sees the hidden tier.
 */
class SessionConversionOnPostgresIT {

    @TempDir
    static Path dir;

    private static DataModelRun run;

    @BeforeAll
    static void generateAndRun() {
        run = DataModelRun.generateAndRun(dir, "session-conversion", 100_000, "2026-04-01");
    }

    @Test
    void shouldIngestEverySessionAndOrderAndDeployTheClassifier() throws Exception {
        assertThat(run.result().exitCode()).as(run.result().all()).isZero();
        assertThat(run.cleanRows("sessions")).isEqualTo(100_000);
        assertThat(run.cleanRows("orders"))
                .isEqualTo(GeneratedFiles.read(run.input(), "orders").size());
        assertThat(run.rejects()).isZero();
    }

    @Test
    void shouldAttributeEachOrderToTheUsersLatestSessionAtOrBeforeIt() throws Exception {
        Map<String, Map<String, String>> campaigns = new HashMap<>();
        GeneratedFiles.read(run.input(), "campaigns").forEach(c -> campaigns.put(c.get("campaign_id"), c));
        Map<String, List<Map<String, String>>> sessionsByUser = new HashMap<>();
        for (Map<String, String> s : GeneratedFiles.read(run.input(), "sessions")) {
            sessionsByUser.computeIfAbsent(s.get("user_id"), k -> new ArrayList<>()).add(s);
        }
        Comparator<Map<String, String>> byStartThenCampaign = Comparator
                .<Map<String, String>, LocalDateTime>comparing(s -> LocalDateTime.parse(s.get("session_start")))
                .thenComparing(s -> s.get("campaign_id"));
        sessionsByUser.values().forEach(list -> list.sort(byStartThenCampaign));
        Map<String, double[]> byCreative = new HashMap<>();
        for (Map<String, String> o : GeneratedFiles.read(run.input(), "orders")) {
            LocalDateTime at = LocalDateTime.parse(o.get("order_ts"));
            Map<String, String> touch = null;
            for (Map<String, String> s : sessionsByUser.getOrDefault(o.get("user_id"), List.of())) {
                if (!LocalDateTime.parse(s.get("session_start")).isAfter(at)) {
                    touch = s;
                }
            }
            if (touch != null) {
                Map<String, String> c = campaigns.get(touch.get("campaign_id"));
                double[] t = byCreative.computeIfAbsent(c.get("creative_format") + "/" + c.get("creative_theme"),
                        k -> new double[3]);
                t[1]++;
                t[2] += number(o, "gross_revenue");
            }
        }
        for (Map<String, String> c : campaigns.values()) {
            byCreative.computeIfAbsent(c.get("creative_format") + "/" + c.get("creative_theme"), k -> new double[3])[0] +=
                    number(c, "spend");
        }

        List<Map<String, Object>> rows = run.kpis("kpi_creative");
        assertThat(rows).hasSize(byCreative.size());
        for (Map<String, Object> row : rows) {
            double[] e = byCreative.get(row.get("creative_format") + "/" + row.get("creative_theme"));
            assertThat(number(row, "spend")).isCloseTo(e[0], within(1e-6));
            assertThat(number(row, "orders")).isEqualTo(e[1]);
            assertThat(number(row, "revenue")).isCloseTo(e[2], within(1e-6));
            assertThat(number(row, "roas")).isCloseTo(e[2] / e[0], within(1e-9));
            assertThat(number(row, "cac")).isCloseTo(e[0] / e[1], within(1e-9));
        }
    }

    @Test
    void shouldDrawAPaybackCurveThatRisesToItsPaybackDay() {
        List<Map<String, Object>> curve = new ArrayList<>(run.kpis("kpi_payback"));
        curve.sort(Comparator.comparing(r -> ((Number) r.get("day_since_launch")).intValue()));
        assertThat(curve).isNotEmpty();
        double cumulative = 0;
        for (Map<String, Object> point : curve) {
            cumulative += number(point, "revenue");
            assertThat(number(point, "cumulative_revenue")).isCloseTo(cumulative, within(1e-6));
            assertThat(point.get("paid_back")).isEqualTo(cumulative >= number(point, "spend"));
        }
    }

    @Test
    void shouldReportRocAucWithoutAnyFeatureFromTheHiddenTier() throws Exception {
        Map<String, Double> metrics = run.testMetrics();
        assertThat(metrics).containsKeys("roc_auc", "pr_auc", "log_loss", "f1", "calibration_error");
        assertThat(metrics.get("roc_auc")).isBetween(0.6, 1.0);
        String encoding = java.nio.file.Files.readString(java.nio.file.Files.walk(dir)
                .filter(p -> p.getFileName().toString().equals("feature-encoding.json")).findFirst().orElseThrow());
        assertThat(encoding).contains("session_start").doesNotContain("tier").doesNotContain("High");
    }

    @Test
    void shouldForecastMoreConversionsAndRevenueAsSpendRises() {
        List<Map<String, Object>> forecast = new ArrayList<>(run.kpis("kpi_lift_forecast"));
        forecast.sort(Comparator.comparing(r -> number(r, "spend_increase")));
        assertThat(forecast).extracting(r -> number(r, "spend_increase")).containsExactly(0.1, 0.25, 0.5, 0.75, 1.0);
        for (int i = 1; i < forecast.size(); i++) {
            assertThat(number(forecast.get(i), "extra_conversions"))
                    .isGreaterThanOrEqualTo(number(forecast.get(i - 1), "extra_conversions"));
        }
        assertThat(number(forecast.get(0), "extra_conversions")).isNotNegative();
        assertThat(number(forecast.get(4), "extra_conversions")).isPositive();
        assertThat(number(forecast.get(4), "extra_revenue")).isPositive();
        assertThat(number(forecast.get(0), "extra_spend")).isPositive();
    }
}
