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

/**
 * ad-conversions on 100,000 generated ads: the segment KPIs checked against sums this test makes from the
 * generated file (the real Kaggle file's test is {@code AdConversionsOnPostgresIT}).
 */
class AdConversionsGeneratedOnPostgresIT {

    @TempDir
    static Path dir;

    private static DataModelRun run;

    @BeforeAll
    static void generateAndRun() {
        run = DataModelRun.generateAndRun(dir, "ad-conversions", 100_000, "2026-07-01");
    }

    @Test
    void shouldIngestEveryAdAndDeploy() {
        run.assertCompletedWithEveryRowClean("ads", 100_000);
    }

    @Test
    void shouldSumEverySegmentAsTheFileDoes() throws Exception {
        Map<String, double[]> expected = new HashMap<>();
        for (Map<String, String> ad : GeneratedFiles.read(run.input(), "ads")) {
            double[] e = expected.computeIfAbsent(String.join("/", ad.get("xyz_campaign_id"), ad.get("age"), ad.get("gender"),
                    ad.get("interest")), k -> new double[4]);
            e[0] += number(ad, "Impressions");
            e[1] += number(ad, "Clicks");
            e[2] += number(ad, "Spent");
            e[3] += number(ad, "Approved_Conversion");
        }
        List<Map<String, Object>> rows = run.kpis("kpi_segment");
        assertThat(rows).hasSize(expected.size());
        for (Map<String, Object> row : rows) {
            double[] e = expected.get(String.join("/", (String) row.get("campaign_id"), (String) row.get("age"),
                    (String) row.get("gender"), (String) row.get("interest")));
            assertThat(number(row, "impressions")).isEqualTo(e[0]);
            assertThat(number(row, "clicks")).isEqualTo(e[1]);
            assertThat(number(row, "spend")).isCloseTo(e[2], within(1e-6));
            assertThat(number(row, "approved_conversions")).isEqualTo(e[3]);
            if (e[1] > 0) {
                assertThat(number(row, "cpc")).isCloseTo(e[2] / e[1], within(1e-9));
            } else {
                assertThat(row.get("cpc")).isNull();
            }
        }
    }
}
