package io.adlift.pipeline.datamodels;

import static io.adlift.pipeline.datamodels.GeneratedFiles.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** campaign-clv on 100,000 generated daily rows: CTR, conversion rate and ROI as a ratio, and ROI to date. */
class CampaignClvOnPostgresIT {

    @TempDir
    static Path dir;

    private static DataModelRun run;

    @BeforeAll
    static void generateAndRun() {
        run = DataModelRun.generateAndRun(dir, "campaign-clv", 100_000, "2026-06-01");
    }

    @Test
    void shouldIngestEveryRowAndDeployTheClvModel() {
        run.assertCompletedWithEveryRowClean("daily", 100_000);
        assertThat(run.testMetrics().get("r2")).isGreaterThan(0.3);
    }

    @Test
    void shouldGiveEachDayAndCampaignItsRatiosWithRoiAsARatio() throws Exception {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        GeneratedFiles.read(run.input(), "daily").forEach(r -> byKey.put(r.get("date") + "/" + r.get("campaign"), r));
        List<Map<String, Object>> rows = run.kpis("kpi_campaign_daily");
        assertThat(rows).hasSize(byKey.size());
        for (Map<String, Object> row : rows) {
            Map<String, String> e = byKey.get(row.get("activity_date") + "/" + row.get("campaign"));
            assertThat(number(row, "ctr")).isCloseTo(number(e, "clicks") / number(e, "impressions"), within(1e-12));
            assertThat(number(row, "conversion_rate")).isCloseTo(number(e, "conversions") / number(e, "clicks"), within(1e-12));
            assertThat(number(row, "roi")).isCloseTo((number(e, "clv") - number(e, "spend")) / number(e, "spend"),
                    within(1e-9));
        }
    }

    @Test
    void shouldEndRoiToDateAtTheRoiOfAllRows() throws Exception {
        double clv = 0;
        double spend = 0;
        String last = "";
        for (Map<String, String> r : GeneratedFiles.read(run.input(), "daily")) {
            clv += number(r, "clv");
            spend += number(r, "spend");
            last = r.get("date").compareTo(last) > 0 ? r.get("date") : last;
        }
        String lastDay = last;
        Map<String, Object> final_ = run.kpis("kpi_daily").stream()
                .filter(r -> r.get("activity_date").toString().equals(lastDay)).findFirst().orElseThrow();
        assertThat(number(final_, "roi_to_date")).isCloseTo((clv - spend) / spend, within(1e-9));
        assertThat(number(final_, "spend_to_date")).isCloseTo(spend, within(1e-3));
    }
}
