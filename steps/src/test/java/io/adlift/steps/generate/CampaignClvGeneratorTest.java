package io.adlift.steps.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignClvGeneratorTest implements GeneratorContract {

    @TempDir
    Path dir;

    @Override
    public Generator generator() {
        return new CampaignClvGenerator();
    }

    @Override
    public List<String> fileNames() {
        return List.of("daily.csv");
    }

    private Table daily(long rows) throws IOException {
        return Table.read(generator().generate(dir, rows, 5, GenerationListener.NONE).get(0));
    }

    @Test
    void shouldKeepTheSeedsFourCampaignsWhileTheyFillAYear() throws IOException {
        Table daily = daily(1_001);

        assertThat(daily.header()).isEqualTo("date,campaign,impressions,clicks,conversions,spend,clv");
        assertThat(daily.size()).isEqualTo(1_001);
        assertThat(daily.distinct("campaign")).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(daily.rows().get(0)).startsWith("2024-01-01", "A");
        assertThat(daily.rows().get(1_000)).startsWith("2024-09-07", "A");
    }

    @Test
    void shouldAddCampaignsBeyondFourSoThatTheDatesStayWithinOneYear() throws IOException {
        Table daily = daily(100_000);

        assertThat(daily.size()).isEqualTo(100_000);
        assertThat(daily.distinct("campaign")).hasSize(274).contains("A", "D", "C0005", "C0274");
        assertThat(daily.distinct("date")).hasSize(365);
        assertThat(daily.rows().get(99_999).get(0)).isEqualTo("2024-12-30");
        for (int i = 1; i < daily.size(); i++) {
            String previous = daily.rows().get(i - 1).get(0) + "," + daily.rows().get(i - 1).get(1);
            String current = daily.rows().get(i).get(0) + "," + daily.rows().get(i).get(1);
            assertThat(current).as("ordered by date then campaign, one row each").isGreaterThan(previous);
        }
    }

    @Test
    void shouldDrawTheMetricsWithinTheSeedsBounds() throws IOException {
        Table daily = daily(20_000);

        assertThat(daily.rows()).allSatisfy(r -> {
            long impressions = daily.number(r, "impressions");
            long clicks = daily.number(r, "clicks");
            long conversions = daily.number(r, "conversions");
            long clv = daily.number(r, "clv");
            assertThat(impressions).isBetween(1_000L, 50_000L);
            assertThat(clicks * 1_000).isBetween(impressions * 5, impressions * 50);
            assertThat(conversions).isPositive();
            assertThat(conversions * 100).isBetween(Math.min(clicks, 100), Math.max(100, clicks * 10));
            assertThat(clv % conversions).isZero();
            assertThat(clv / conversions).isBetween(50L, 500L);
            assertThat(daily.get(r, "spend")).matches("\\d+\\.\\d\\d");
            assertThat(daily.decimal(r, "spend")).isBetween(500.0, 10_000.0);
        });
        double meanImpressions = daily.rows().stream().mapToLong(r -> daily.number(r, "impressions")).average()
                .orElseThrow();
        assertThat(meanImpressions).isBetween(25_000.0, 26_000.0);
    }
}
