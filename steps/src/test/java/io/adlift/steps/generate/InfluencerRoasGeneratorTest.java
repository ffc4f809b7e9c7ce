package io.adlift.steps.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfluencerRoasGeneratorTest implements GeneratorContract {

    private static final int ROWS = 100_000;

    private Table influencers;
    private Table posts;
    private Table tracking;
    private Table payouts;

    @Override
    public Generator generator() {
        return new InfluencerRoasGenerator();
    }

    @Override
    public List<String> fileNames() {
        return List.of("influencers.csv", "posts.csv", "tracking_data.csv", "payouts.csv");
    }

    @BeforeAll
    void generate(@TempDir Path dir) throws IOException {
        List<Path> files = generator().generate(dir, ROWS, 17, GenerationListener.NONE);
        influencers = Table.read(files.get(0));
        posts = Table.read(files.get(1));
        tracking = Table.read(files.get(2));
        payouts = Table.read(files.get(3));
    }

    @Test
    void shouldWriteTheSeedsHeaders() {
        assertThat(influencers.header())
                .isEqualTo("influencer_id,name,platform,category,gender,influencer_type,follower_count");
        assertThat(posts.header()).isEqualTo("post_id,influencer_id,likes,comments,reach,platform,url,date");
        assertThat(tracking.header())
                .isEqualTo("influencer_id,product,revenue,user_id,group,source,date,orders,campaign");
        assertThat(payouts.header()).isEqualTo("influencer_id,basis,rate,orders,total_payout");
    }

    @Test
    void shouldTypeInfluencersByTheirFollowers() {
        assertThat(influencers.size()).isEqualTo(100);
        assertThat(influencers.column("influencer_id")).startsWith("INF0001").endsWith("INF0100");
        assertThat(influencers.rows()).allSatisfy(r -> {
            long followers = influencers.number(r, "follower_count");
            assertThat(followers).isBetween(1_000L, 2_000_000L);
            String expected = followers >= 500_000 ? "Mega" : followers >= 100_000 ? "Macro"
                    : followers >= 50_000 ? "Micro" : "Nano";
            assertThat(influencers.get(r, "influencer_type")).isEqualTo(expected);
        });
        assertThat(influencers.distinct("influencer_type")).containsExactlyInAnyOrder("Mega", "Macro", "Micro", "Nano");
        assertThat(influencers.distinct("platform")).containsExactlyInAnyOrder("Instagram", "YouTube", "Twitter");
    }

    @Test
    void shouldWritePostsOnTheInfluencersPlatformWithinTheirReach() {
        Map<String, List<String>> byId = influencers.byKey("influencer_id");
        assertThat(posts.size()).isBetween(800, 1_200);
        assertThat(posts.rows()).allSatisfy(p -> {
            List<String> influencer = byId.get(posts.get(p, "influencer_id"));
            assertThat(influencer).isNotNull();
            assertThat(posts.get(p, "platform")).isEqualTo(influencers.get(influencer, "platform"));
            long reach = posts.number(p, "reach");
            assertThat(reach).isPositive().isLessThanOrEqualTo(influencers.number(influencer, "follower_count"));
            assertThat(posts.number(p, "likes") + posts.number(p, "comments")).isBetween(0L, reach);
            assertThat(posts.get(p, "url")).isEqualTo("https://example.com/p/" + posts.get(p, "post_id"));
            assertThat(posts.get(p, "date")).matches("2024-\\d\\d-\\d\\d");
        });
    }

    @Test
    void shouldKeepEachUserInOneGroupAboutHalfExposed() {
        assertThat(tracking.size()).isEqualTo(ROWS);
        Map<String, String> groupOfUser = new HashMap<>();
        assertThat(tracking.rows()).allSatisfy(r -> assertThat(groupOfUser.merge(tracking.get(r, "user_id"),
                tracking.get(r, "group"), (a, b) -> a.equals(b) ? a : "both")).isIn("0", "1"));
        assertThat(groupOfUser.size()).isBetween(ROWS / 3, ROWS / 2);
        long exposed = groupOfUser.values().stream().filter("1"::equals).count();
        assertThat(exposed / (double) groupOfUser.size()).isCloseTo(0.5, within(0.02));
    }

    @Test
    void shouldTrackOrdersOfExistingInfluencersPricedPerProduct() {
        assertThat(tracking.distinct("influencer_id")).isSubsetOf(influencers.distinct("influencer_id"));
        assertThat(tracking.distinct("product")).hasSizeBetween(4, 8);
        Map<String, Double> price = new HashMap<>();
        assertThat(tracking.rows()).allSatisfy(r -> {
            long orders = tracking.number(r, "orders");
            double revenue = tracking.decimal(r, "revenue");
            if (orders == 0) {
                assertThat(tracking.get(r, "revenue")).isEqualTo("0.00");
            } else {
                double unit = price.computeIfAbsent(tracking.get(r, "product"), p -> revenue / orders);
                assertThat(revenue).isCloseTo(unit * orders, within(0.005));
            }
            assertThat(tracking.get(r, "campaign")).matches("CAMP\\d\\d");
            assertThat(tracking.get(r, "date")).matches("2024-\\d\\d-\\d\\d");
        });
        long zero = tracking.column("orders").stream().filter("0"::equals).count();
        assertThat(zero / (double) ROWS).as("most rows without orders").isBetween(0.6, 0.9);
    }

    @Test
    void shouldGiveExposedUsersMoreRevenuePerUserThanControlUsers() {
        Map<String, Double> revenuePerUser = tracking.rows().stream().collect(Collectors.groupingBy(
                r -> tracking.get(r, "group"), Collectors.collectingAndThen(
                        Collectors.groupingBy(r -> tracking.get(r, "user_id"),
                                Collectors.summingDouble(r -> tracking.decimal(r, "revenue"))),
                        users -> users.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())));

        assertThat(revenuePerUser.get("1") / revenuePerUser.get("0") - 1).isBetween(0.2, 0.4);
    }

    @Test
    void shouldPayEachInfluencerByItsBasisForItsTrackedOrders() {
        Map<String, Long> tracked = tracking.rows().stream().collect(Collectors.groupingBy(
                r -> tracking.get(r, "influencer_id"), Collectors.summingLong(r -> tracking.number(r, "orders"))));
        Map<String, Double> revenue = tracking.rows().stream().collect(Collectors.groupingBy(
                r -> tracking.get(r, "influencer_id"), Collectors.summingDouble(r -> tracking.decimal(r, "revenue"))));
        assertThat(payouts.column("influencer_id")).containsExactlyElementsOf(influencers.column("influencer_id"));
        assertThat(payouts.rows()).allSatisfy(p -> {
            String id = payouts.get(p, "influencer_id");
            long orders = payouts.number(p, "orders");
            assertThat(orders).isEqualTo(tracked.getOrDefault(id, 0L));
            long rateCents = Math.round(payouts.decimal(p, "rate") * 100);
            long expected = payouts.get(p, "basis").equals("order") ? rateCents * orders : rateCents;
            assertThat(Math.round(payouts.decimal(p, "total_payout") * 100)).isEqualTo(expected);
        });
        assertThat(payouts.distinct("basis")).containsExactlyInAnyOrder("post", "order");
        long unprofitable = payouts.rows().stream()
                .filter(p -> revenue.getOrDefault(payouts.get(p, "influencer_id"), 0.0) < payouts.decimal(p, "total_payout"))
                .count();
        assertThat(unprofitable).as("influencers with ROAS below 1").isBetween(3L, 35L);
    }
}
