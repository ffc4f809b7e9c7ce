package io.adlift.steps.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignPurchasesGeneratorTest implements GeneratorContract {

    private static final int ROWS = 100_000;

    private Table campaigns;
    private Table ads;
    private Table events;

    @Override
    public Generator generator() {
        return new CampaignPurchasesGenerator();
    }

    @Override
    public List<String> fileNames() {
        return List.of("campaigns.csv", "ads.csv", "ad_events.csv");
    }

    @BeforeAll
    void generate(@TempDir Path dir) throws IOException {
        List<Path> files = generator().generate(dir, ROWS, 13, GenerationListener.NONE);
        campaigns = Table.read(files.get(0));
        ads = Table.read(files.get(1));
        events = Table.read(files.get(2));
    }

    @Test
    void shouldWriteTheSeedsHeaders() {
        assertThat(campaigns.header()).isEqualTo("campaign_id,duration_days,total_budget,start_month,end_month");
        assertThat(ads.header())
                .isEqualTo("ad_id,campaign_id,platform,ad_type,target_gender,target_age_group,interest");
        assertThat(events.header()).isEqualTo("event_id,ad_id,event_type,event_time");
    }

    @Test
    void shouldScaleAdsAndCampaignsWithTheEvents() {
        assertThat(events.size()).isEqualTo(ROWS);
        assertThat(campaigns.size()).isEqualTo(200);
        assertThat(ads.size()).isBetween(900, 1_100);
        assertThat(ads.distinct("campaign_id")).as("every campaign has an ad").isEqualTo(campaigns.distinct("campaign_id"));
    }

    @Test
    void shouldDrawAdsFromTheSeedsValues() {
        assertThat(ads.distinct("platform")).containsExactlyInAnyOrder("Facebook", "Instagram");
        assertThat(ads.distinct("ad_type")).containsExactlyInAnyOrder("Carousel", "Image", "Stories", "Video");
        assertThat(ads.distinct("target_gender")).containsExactlyInAnyOrder("All", "Female", "Male");
        assertThat(ads.distinct("target_age_group")).containsExactlyInAnyOrder("18-24", "25-34", "35-44", "All");
        assertThat(ads.distinct("interest")).hasSize(20);
    }

    @Test
    void shouldDeriveTheEndMonthFromTheStartAndDuration() {
        assertThat(campaigns.rows()).allSatisfy(r -> {
            long duration = campaigns.number(r, "duration_days");
            assertThat(duration).isBetween(30L, 365L);
            LocalDate last = LocalDate.of(2024, (int) campaigns.number(r, "start_month"), 1).plusDays(duration - 1);
            assertThat(campaigns.number(r, "end_month")).isEqualTo(last.getMonthValue());
            assertThat(campaigns.decimal(r, "total_budget") / duration).isBetween(40.0, 400.0);
        });
    }

    @Test
    void shouldWriteEventsOfExistingAdsWithinTheirCampaignsMonths() {
        Map<String, List<String>> adById = ads.byKey("ad_id");
        Map<String, List<String>> campaignById = campaigns.byKey("campaign_id");
        assertThat(events.rows()).allSatisfy(e -> {
            List<String> ad = adById.get(events.get(e, "ad_id"));
            assertThat(ad).as("ad %s exists", events.get(e, "ad_id")).isNotNull();
            List<String> campaign = campaignById.get(ads.get(ad, "campaign_id"));
            LocalDateTime time = LocalDateTime.parse(events.get(e, "event_time"));
            int start = (int) campaigns.number(campaign, "start_month");
            LocalDateTime end = LocalDate.of(2024, start, 1).plusDays(campaigns.number(campaign, "duration_days"))
                    .atStartOfDay();
            assertThat(time).isAfterOrEqualTo(LocalDate.of(2024, start, 1).atStartOfDay()).isBefore(end);
            assertThat(time.getYear()).isEqualTo(2024);
        });
    }

    @Test
    void shouldFormAFunnelOfImpressionsClicksAndPurchases() {
        Map<String, Long> types = events.counts("event_type");

        assertThat(types).containsOnlyKeys("impression", "click", "purchase");
        assertThat(types.get("impression")).isGreaterThan(5 * types.get("click"));
        assertThat(types.get("click")).isGreaterThan(2 * types.get("purchase"));
    }

    @Test
    void shouldMakePurchasesPerCampaignFollowItsBudget() {
        Map<String, String> campaignOfAd = ads.rows().stream()
                .collect(Collectors.toMap(r -> ads.get(r, "ad_id"), r -> ads.get(r, "campaign_id")));
        Map<String, Long> purchases = events.rows().stream()
                .filter(e -> events.get(e, "event_type").equals("purchase"))
                .collect(Collectors.groupingBy(e -> campaignOfAd.get(events.get(e, "ad_id")), Collectors.counting()));
        double[] budget = campaigns.rows().stream().mapToDouble(r -> campaigns.decimal(r, "total_budget")).toArray();
        double[] bought = campaigns.rows().stream()
                .mapToDouble(r -> purchases.getOrDefault(campaigns.get(r, "campaign_id"), 0L)).toArray();

        assertThat(correlation(budget, bought)).isGreaterThan(0.8);
        assertThat(Arrays.stream(bought).max().orElseThrow()).isBetween(50.0, 150.0);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
