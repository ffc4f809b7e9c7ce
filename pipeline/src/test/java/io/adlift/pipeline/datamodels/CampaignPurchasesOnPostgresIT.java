package io.adlift.pipeline.datamodels;

import static io.adlift.pipeline.datamodels.GeneratedFiles.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.pipeline.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * campaign-purchases on 100,000 generated ad events: the rollup per campaign checked against counts this
 * test makes from the files, k-best selection, and a predicted purchase count for every campaign.
 */
class CampaignPurchasesOnPostgresIT {

    @TempDir
    static Path dir;

    private static DataModelRun run;

    @BeforeAll
    static void generateAndRun() {
        run = DataModelRun.generateAndRun(dir, "campaign-purchases", 100_000, "2026-05-01");
    }

    @Test
    void shouldIngestEveryEventAndComplete() {
        run.assertCompletedWithEveryRowClean("ad_events", 100_000);
    }

    @Test
    void shouldRollAdsAndEventsUpPerCampaign() throws Exception {
        Map<String, String> campaignOfAd = new HashMap<>();
        Map<String, long[]> expected = new HashMap<>();
        Map<String, Set<String>> interests = new HashMap<>();
        for (Map<String, String> ad : GeneratedFiles.read(run.input(), "ads")) {
            campaignOfAd.put(ad.get("ad_id"), ad.get("campaign_id"));
            long[] e = expected.computeIfAbsent(ad.get("campaign_id"), k -> new long[6]);
            e[0]++;
            e[1] += ad.get("platform").equals("Facebook") ? 1 : 0;
            e[2] += ad.get("ad_type").equals("Video") ? 1 : 0;
            interests.computeIfAbsent(ad.get("campaign_id"), k -> new java.util.HashSet<>()).add(ad.get("interest"));
        }
        for (Map<String, String> event : GeneratedFiles.read(run.input(), "ad_events")) {
            long[] e = expected.get(campaignOfAd.get(event.get("ad_id")));
            switch (event.get("event_type")) {
                case "impression" -> e[3]++;
                case "click" -> e[4]++;
                case "purchase" -> e[5]++;
                default -> throw new AssertionError("event type " + event.get("event_type"));
            }
        }
        List<Map<String, Object>> rows = run.kpis("kpi_campaign_rollup");
        assertThat(rows).hasSize(GeneratedFiles.read(run.input(), "campaigns").size());
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("campaign_id");
            long[] e = expected.getOrDefault(id, new long[6]);
            assertThat(number(row, "ads")).as(id).isEqualTo(e[0]);
            assertThat(number(row, "ads_facebook")).isEqualTo(e[1]);
            assertThat(number(row, "ads_video")).isEqualTo(e[2]);
            assertThat(number(row, "unique_interests")).isEqualTo(interests.getOrDefault(id, Set.of()).size());
            assertThat(number(row, "impressions")).isEqualTo(e[3]);
            assertThat(number(row, "clicks")).isEqualTo(e[4]);
            assertThat(number(row, "purchases")).isEqualTo(e[5]);
        }
    }

    @Test
    void shouldSelectTheKBestFeaturesAndPredictPurchasesForEveryCampaign() throws Exception {
        List<Map<String, Object>> predictions = TestDatabase.rows("SELECT * FROM model_prediction WHERE pipeline = "
                + "'campaign-purchases' AND business_date = DATE '2026-05-01'");
        List<Map<String, Object>> rollup = run.kpis("kpi_campaign_rollup");
        assertThat(predictions).hasSize(rollup.size());
        Map<String, Double> purchases = new HashMap<>();
        rollup.forEach(r -> purchases.put((String) r.get("campaign_id"), number(r, "purchases")));
        assertThat(predictions).allSatisfy(p -> assertThat(number(p, "actual")).isEqualTo(purchases.get((String) p.get("row_key"))));
        assertThat(predictions).extracting(p -> p.get("data_split")).contains("train", "test");
        String encoding = java.nio.file.Files.readString(java.nio.file.Files.walk(dir)
                .filter(p -> p.getFileName().toString().equals("feature-encoding.json")).findFirst().orElseThrow());
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(encoding).get("selected")).hasSize(10);
        assertThat(run.testMetrics()).containsKeys("rmse", "mae", "r2");
    }
}
