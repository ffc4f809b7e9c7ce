package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium, served by {@code adlift serve} from a PostgreSQL database that a
 * real run of ad-conversions on the real Kaggle file filled: the page loads, a campaign filter is chosen in
 * its form, and the KPI card and the charts show that campaign's figures as the database has them. The
 * screenshot is kept in {@code target/dashboard-kaggle-campaign-916.png}.
 */
class DashboardInChromiumOnKaggleIT {

    private static final Path KAG = Adlift.realData("KAG_conversion_data.csv");
    private static final Path SCREENSHOT = Path.of("target", "dashboard-kaggle-campaign-916.png");

    @TempDir
    static Path dataDir;

    private static ServeProcess serve;

    @BeforeAll
    static void runTheRealFileThenServe() throws Exception {
        TestDatabase.reset();
        ServeProcess.adlift(dataDir, List.of(), "run", "ad-conversions", "--input", KAG.toString(), "--business-date",
                "2026-03-01");
        serve = ServeProcess.start(dataDir, List.of());
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowTheFilteredCampaignsSpendAndChartsFromTheDatabase() throws Exception {
        double allSpend = TestDatabase.jdbc().queryForObject(
                "SELECT SUM(spend) FROM kpi_campaign WHERE pipeline = 'ad-conversions'", Double.class);
        double spend916 = TestDatabase.jdbc().queryForObject(
                "SELECT spend FROM kpi_campaign WHERE pipeline = 'ad-conversions' AND campaign_id = '916'", Double.class);
        long segments916 = TestDatabase.count("SELECT COUNT(DISTINCT age || '/' || gender) FROM kpi_segment "
                + "WHERE pipeline = 'ad-conversions' AND campaign_id = '916'");

        try (HeadlessChromium chromium = HeadlessChromium.start(dataDir.resolve("chromium"))) {
            chromium.call("Page.enable", Map.of());
            chromium.navigate(serve.url("/"));
            chromium.await("document.body && document.body.dataset.ready === 'true'", Duration.ofSeconds(60));
            assertThat(Double.parseDouble((String) chromium.evaluate(
                    "document.getElementById('card-spend').dataset.value"))).isCloseTo(allSpend, within(1e-6));

            // The filter, as a person sets it: choose the campaign in the form and press Apply.
            chromium.evaluate("document.getElementById('f-campaign').value = '916';"
                    + "document.getElementById('f-apply').click(); true");
            chromium.await("document.body.dataset.ready === 'true' && location.search.includes('campaign=916')",
                    Duration.ofSeconds(60));

            Map<String, Object> shown = (Map<String, Object>) chromium.evaluate("({"
                    + "spend: document.getElementById('card-spend').dataset.value,"
                    + "spendText: document.querySelector('#card-spend .value').textContent,"
                    + "bars: Chart.getChart('chart-spendByCampaign').data.labels,"
                    + "barValues: Chart.getChart('chart-spendByCampaign').data.datasets[0].data,"
                    + "canvasPainted: document.getElementById('chart-spendByCampaign').toDataURL().length,"
                    + "heatmapCells: document.querySelectorAll('[data-chart=roasHeatmap] td').length,"
                    + "runs: document.querySelectorAll('#runs tbody tr').length})");

            assertThat(Double.parseDouble((String) shown.get("spend"))).isCloseTo(spend916, within(1e-6));
            assertThat((String) shown.get("spendText")).isEqualTo(String.format(java.util.Locale.US, "%,.2f", spend916));
            assertThat((List<Object>) shown.get("bars")).containsExactly("916");
            assertThat(((Number) ((List<Object>) shown.get("barValues")).get(0)).doubleValue()).isCloseTo(spend916,
                    within(1e-6));
            assertThat(((Number) shown.get("canvasPainted")).intValue()).as("a drawn canvas, not a blank one")
                    .isGreaterThan(5000);
            assertThat(((Number) shown.get("heatmapCells")).longValue()).isEqualTo(segments916);
            assertThat(((Number) shown.get("runs")).intValue()).isEqualTo(1);

            Files.deleteIfExists(SCREENSHOT);
            chromium.screenshot(SCREENSHOT);
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        }
    }
}
