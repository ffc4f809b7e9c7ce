package io.adlift.steps.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adlift.steps.generate.SessionCampaign.Tier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionConversionGeneratorTest implements GeneratorContract {

    private static final int ROWS = 100_000;

    private Table campaigns;
    private Table sessions;
    private Table orders;

    @Override
    public Generator generator() {
        return new SessionConversionGenerator();
    }

    @Override
    public List<String> fileNames() {
        return List.of("campaigns.csv", "sessions.csv", "orders.csv");
    }

    @BeforeAll
    void generate(@TempDir Path dir) throws IOException {
        List<Path> files = generator().generate(dir, ROWS, 11, GenerationListener.NONE);
        campaigns = Table.read(files.get(0));
        sessions = Table.read(files.get(1));
        orders = Table.read(files.get(2));
    }

    @Test
    void shouldWriteTheSeedsHeaders() {
        assertThat(campaigns.header())
                .isEqualTo("campaign_id,name,tier,start_date,spend,creative_format,creative_theme");
        assertThat(sessions.header())
                .isEqualTo("session_id,user_id,session_start,utm_source,utm_medium,campaign_id,converted");
        assertThat(orders.header()).isEqualTo("order_id,session_id,user_id,order_ts,gross_revenue");
    }

    @Test
    void shouldWriteFiftyCampaignsInTheSeedsTiersAndRanges() {
        assertThat(campaigns.size()).isEqualTo(50);
        assertThat(campaigns.counts("tier")).containsExactlyInAnyOrderEntriesOf(
                Map.of("Low", 20L, "Medium", 20L, "High", 10L));
        assertThat(campaigns.column("campaign_id")).startsWith("CMP001").endsWith("CMP050");
        assertThat(campaigns.distinct("creative_format")).isSubsetOf("video", "static", "UGC", "lifestyle");
        assertThat(campaigns.distinct("creative_theme")).containsExactlyInAnyOrder("Evergreen", "Promo/Sale");
        assertThat(campaigns.rows()).allSatisfy(r -> {
            assertThat(campaigns.number(r, "spend")).isBetween(1_000L, 25_000L);
            assertThat(campaigns.get(r, "start_date")).matches("2024-\\d\\d-\\d\\d");
        });
    }

    @Test
    void shouldScaleTheCampaignsAndKeepTheTierShares() {
        List<SessionCampaign> many = SessionCampaign.draw(250, new Draws(1));

        assertThat(many.stream().collect(Collectors.groupingBy(SessionCampaign::tier, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Tier.LOW, 100L, Tier.MEDIUM, 100L, Tier.HIGH, 50L));
    }

    @Test
    void shouldApplyTheSeedsConversionRule() {
        assertThat(SessionCampaign.probability(1, Tier.HIGH, "video", "Promo/Sale")).isEqualTo(1);
        assertThat(SessionCampaign.probability(0, Tier.HIGH, "video", "Evergreen")).isCloseTo(0.52, within(1e-9));
        assertThat(SessionCampaign.probability(1, Tier.MEDIUM, "video", "Promo/Sale")).isCloseTo(0.07, within(1e-9));
        assertThat(SessionCampaign.probability(0, Tier.LOW, "static", "Evergreen")).isEqualTo(0.005);
    }

    @Test
    void shouldDrawSessionsFromTheSeedsMixes() {
        assertThat(sessions.size()).isEqualTo(ROWS);
        Map<String, Long> sources = sessions.counts("utm_source");
        assertThat(sources.get("google") / (double) ROWS).isCloseTo(0.4, within(0.01));
        assertThat(sources.get("direct") / (double) ROWS).isCloseTo(0.1, within(0.01));
        Map<String, Long> mediums = sessions.counts("utm_medium");
        assertThat(mediums.get("cpc") / (double) ROWS).isCloseTo(0.5, within(0.01));
        assertThat(mediums.get("referral") / (double) ROWS).isCloseTo(0.1, within(0.01));
        assertThat(sessions.distinct("user_id")).hasSizeLessThanOrEqualTo(ROWS / 4).allMatch(u -> u.matches("U\\d{6}"));
        assertThat(sessions.column("session_start")).allMatch(t -> t.matches("2024-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
    }

    @Test
    void shouldDrawCampaignsInProportionToSpend() {
        Map<String, List<String>> byId = campaigns.byKey("campaign_id");
        assertThat(sessions.distinct("campaign_id")).isSubsetOf(byId.keySet());
        double totalSpend = campaigns.rows().stream().mapToLong(r -> campaigns.number(r, "spend")).sum();
        sessions.counts("campaign_id").forEach((id, count) -> assertThat(count / (double) ROWS)
                .as(id).isCloseTo(campaigns.number(byId.get(id), "spend") / totalSpend, within(0.004)));
    }

    @Test
    void shouldConvertHighTierSessionsMostAndLowTierLeast() {
        Map<String, List<String>> byId = campaigns.byKey("campaign_id");
        Map<String, Double> rateByTier = sessions.rows().stream().collect(Collectors.groupingBy(
                r -> campaigns.get(byId.get(sessions.get(r, "campaign_id")), "tier"),
                Collectors.averagingLong(r -> sessions.number(r, "converted"))));

        assertThat(rateByTier.get("Low")).isLessThan(0.01);
        assertThat(rateByTier.get("Medium")).isBetween(0.02, 0.07);
        assertThat(rateByTier.get("High")).isGreaterThan(0.1);
        double boosted = sessions.rows().stream()
                .filter(r -> {
                    List<String> c = byId.get(sessions.get(r, "campaign_id"));
                    return campaigns.get(c, "tier").equals("High") && (campaigns.get(c, "creative_format").equals("video")
                            || campaigns.get(c, "creative_theme").equals("Promo/Sale"));
                })
                .mapToLong(r -> sessions.number(r, "converted")).average().orElseThrow();
        assertThat(boosted).as("High tier promos or videos").isGreaterThan(0.5);
    }

    @Test
    void shouldWriteOneOrderPerConvertedSessionFiveToFiftyNineMinutesLater() {
        Map<String, List<String>> sessionById = sessions.byKey("session_id");
        long converted = sessions.column("converted").stream().filter("1"::equals).count();

        assertThat(orders.size()).isEqualTo(converted);
        assertThat(orders.distinct("session_id")).hasSize(orders.size());
        assertThat(orders.rows()).allSatisfy(o -> {
            List<String> session = sessionById.get(orders.get(o, "session_id"));
            assertThat(session).isNotNull();
            assertThat(sessions.get(session, "converted")).isEqualTo("1");
            assertThat(orders.get(o, "user_id")).isEqualTo(sessions.get(session, "user_id"));
            long minutes = Duration.between(LocalDateTime.parse(sessions.get(session, "session_start")),
                    LocalDateTime.parse(orders.get(o, "order_ts"))).toSeconds();
            assertThat(minutes).isBetween(5 * 60L, 59 * 60L).matches(s -> s % 60 == 0, "whole minutes");
            assertThat(orders.decimal(o, "gross_revenue")).isBetween(50.0, 300.0);
        });
    }
}
