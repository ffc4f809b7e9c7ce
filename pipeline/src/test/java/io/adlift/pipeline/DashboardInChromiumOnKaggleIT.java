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
            chromium.openReady(serve.url("/"));
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
            assertThat((String) shown.get("spendText")).isEqualTo(String.format(java.util.Locale.US, "%,.2f USD", spend916));
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

    @Test
    @SuppressWarnings("unchecked")
    void shouldSayWhyThereIsNoRevenueAndScaleTheHeatmapToTheData() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(dataDir.resolve("chromium-notes"))) {
            chromium.openReady(serve.url("/?pipeline=ad-conversions"));
            Map<String, Object> shown = (Map<String, Object>) chromium.evaluate("({"
                    + "notes: [...document.querySelectorAll('#notes li')].map(l => l.textContent),"
                    + "alerts: document.getElementById('alerts').textContent,"
                    + "campaigns: [...document.querySelectorAll('#f-campaign option')].map(o => o.value).filter(v => v),"
                    + "costBars: Chart.getChart('chart-costPerAcquisition').data.labels,"
                    + "legendMin: document.querySelector('[data-chart=roasHeatmap] .legend').dataset.min,"
                    + "legendMax: document.querySelector('[data-chart=roasHeatmap] .legend').dataset.max,"
                    + "cells: [...document.querySelectorAll('[data-chart=roasHeatmap] td[data-value]')]"
                    + "  .map(td => [Number(td.dataset.value), td.style.background]),"
                    + "cpaNote: document.querySelector('#card-cpa .note').textContent,"
                    + "cacNote: document.querySelector('#card-cac .note').textContent})");
            assertThat((List<String>) shown.get("notes")).singleElement().asString()
                    .contains("steps.kpi.value-per-approved-conversion").contains("config/pipelines/ad-conversions.yml");
            assertThat((String) shown.get("alerts")).contains("No alerts can be raised").doesNotContain("recovers");
            assertThat((List<String>) shown.get("campaigns")).containsExactly("916", "936", "1178");
            assertThat((List<Object>) shown.get("costBars")).containsExactly("916", "936", "1178");
            assertThat((String) shown.get("cacNote")).contains("approved conversion");
            assertThat((String) shown.get("cpaNote")).contains("conversion (enquiry)");
            List<List<Object>> cells = (List<List<Object>>) shown.get("cells");
            double min = cells.stream().mapToDouble(c -> ((Number) c.get(0)).doubleValue()).min().orElseThrow();
            double max = cells.stream().mapToDouble(c -> ((Number) c.get(0)).doubleValue()).max().orElseThrow();
            assertThat(Double.parseDouble((String) shown.get("legendMin"))).isEqualTo(min);
            assertThat(Double.parseDouble((String) shown.get("legendMax"))).isEqualTo(max);
            // The colour spans the data: the lowest cell is the palest (0.08), the highest the darkest (0.90).
            cells.stream().filter(c -> ((Number) c.get(0)).doubleValue() == min).forEach(c ->
                    assertThat((String) c.get(1)).contains("0.08)"));
            cells.stream().filter(c -> ((Number) c.get(0)).doubleValue() == max).forEach(c ->
                    assertThat((String) c.get(1)).contains("0.9)"));
            chromium.screenshot(Path.of("target", "dashboard-kaggle-no-revenue.png"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldOfferTheTrainedCategoriesAndRefuseAnUnseenOneInTheDesigner() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(dataDir.resolve("chromium-designer"))) {
            chromium.call("Page.enable", Map.of());
            chromium.navigate(serve.url("/designer?pipeline=ad-conversions"));
            chromium.await("document.body && document.body.dataset.ready === 'true'"
                    + " && document.getElementById('d-pipeline').options.length > 0", Duration.ofSeconds(60));
            Map<String, Object> form = (Map<String, Object>) chromium.evaluate("({"
                    + "pipelines: [...document.getElementById('d-pipeline').options].map(o => o.value),"
                    + "campaignTag: document.getElementById('d-xyz_campaign_id').tagName,"
                    + "campaigns: [...document.getElementById('d-xyz_campaign_id').options].map(o => o.value),"
                    + "genders: [...document.getElementById('d-gender').options].map(o => o.value),"
                    + "label: document.getElementById('d-xyz_campaign_id').parentElement.firstChild.textContent,"
                    + "outcome: document.getElementById('d-outcome').textContent})");
            assertThat((List<String>) form.get("pipelines")).contains("ad-conversions").doesNotContain("influencer-roas");
            assertThat(form.get("campaignTag")).isEqualTo("SELECT");
            assertThat((List<String>) form.get("campaigns")).containsExactly("916", "936", "1178");
            assertThat((List<String>) form.get("genders")).containsExactlyInAnyOrder("M", "F");
            assertThat(form.get("label")).isEqualTo("Campaign");
            assertThat((String) form.get("outcome")).contains("Approved conversions (purchases)");

            // Defaults make a valid design at once: the model answers it.
            chromium.evaluate("document.getElementById('d-predict').click(); true");
            chromium.await("document.getElementById('d-result').dataset.prediction !== undefined", Duration.ofSeconds(30));
            assertThat(chromium.evaluate("document.getElementById('d-result').dataset.by")).isEqualTo("model");

            // A campaign the model never saw, as a tampered form (or any API client) would send it, is refused.
            chromium.evaluate("const s = document.getElementById('d-xyz_campaign_id');"
                    + "s.appendChild(new Option('999', '999')); s.value = '999';"
                    + "document.getElementById('d-result').removeAttribute('data-prediction');"
                    + "document.getElementById('d-predict').click(); true");
            chromium.await("document.getElementById('d-result').dataset.prediction === ''", Duration.ofSeconds(30));
            List<String> errors = (List<String>) chromium.evaluate(
                    "[...document.querySelectorAll('#d-errors li')].map(l => l.textContent)");
            assertThat(errors).singleElement().asString().startsWith("xyz_campaign_id: '999' was not seen in training")
                    .contains("Campaign is one of 916, 936, 1178");
            chromium.screenshot(Path.of("target", "campaign-designer-unseen-category.png"));
        }
    }
}
