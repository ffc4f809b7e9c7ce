package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's data for the influencer data model (seed 004) after a real run on generated data: the
 * cards, the persona heatmap, engagement by platform and the poor-ROI alerts agree with the KPI tables,
 * and the platform and date filters narrow them.
 */
class DashboardOnInfluencerRoasIT {

    private static final String DASHBOARD = "/api/v1/dashboard?pipeline=influencer-roas";

    @TempDir
    static Path dir;

    private static ServeProcess serve;

    @BeforeAll
    static void generateRunAndServe() throws Exception {
        ServeProcess.generateAndRun(dir, "influencer-roas", 20000, "2026-06-15");
        serve = ServeProcess.start(dir, List.of());
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashboard(String query) throws Exception {
        ServeProcess.Answer answer = serve.get(DASHBOARD + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.object();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowCardsHeatmapEngagementAndAlertsAsTheKpiTablesHaveThem() throws Exception {
        Map<String, Object> totals = TestDatabase.rows("SELECT SUM(payout) AS payout, SUM(revenue) AS revenue, "
                + "SUM(orders) AS orders FROM kpi_influencer").get(0);
        Map<String, Object> board = dashboard("");
        Map<String, Object> cards = (Map<String, Object>) board.get("cards");
        assertThat(number(cards.get("spend"))).isCloseTo(number(totals.get("payout")), within(1e-6));
        assertThat(number(cards.get("revenue"))).isCloseTo(number(totals.get("revenue")), within(1e-6));
        assertThat(number(cards.get("roas"))).isCloseTo(number(totals.get("revenue")) / number(totals.get("payout")),
                within(1e-9));
        assertThat(number(cards.get("cac"))).isCloseTo(number(totals.get("payout")) / number(totals.get("orders")),
                within(1e-9));

        Map<String, Map<String, Object>> charts = (Map<String, Map<String, Object>>) board.get("charts");
        assertThat(charts).containsKeys("roasHeatmap", "engagementByPlatform", "revenueVsSpend", "spendByCampaign");
        Map<String, Double> personaRoas = new HashMap<>();
        TestDatabase.rows("SELECT category, gender, roas FROM kpi_persona").forEach(r ->
                personaRoas.put(r.get("category") + "/" + r.get("gender"), (Double) r.get("roas")));
        List<Map<String, Object>> cells = (List<Map<String, Object>>) charts.get("roasHeatmap").get("points");
        assertThat(cells).hasSize(personaRoas.size());
        cells.forEach(c -> assertThat(number(((List<Object>) c.get("values")).get(0)))
                .isCloseTo(personaRoas.get(c.get("x") + "/" + c.get("y")), within(1e-9)));

        Map<String, Double> engagement = new HashMap<>();
        TestDatabase.rows("SELECT platform, engagement_rate FROM kpi_platform_engagement").forEach(r ->
                engagement.put((String) r.get("platform"), (Double) r.get("engagement_rate")));
        List<Map<String, Object>> platforms = (List<Map<String, Object>>) charts.get("engagementByPlatform").get("points");
        assertThat(platforms).extracting(p -> p.get("x")).containsExactlyInAnyOrderElementsOf(engagement.keySet());
        platforms.forEach(p -> assertThat(number(((List<Object>) p.get("values")).get(0)))
                .isCloseTo(engagement.get((String) p.get("x")), within(1e-9)));

        long poor = TestDatabase.count("SELECT COUNT(*) FROM kpi_influencer WHERE poor_roi");
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) board.get("alerts");
        assertThat(alerts).hasSize((int) Math.min(poor, 20));
        alerts.forEach(a -> assertThat(number(a.get("roas"))).isLessThan(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNarrowTheCardsToAPlatformAndToTheDateRange() throws Exception {
        double instagram = TestDatabase.jdbc().queryForObject(
                "SELECT SUM(payout) FROM kpi_influencer WHERE platform = 'Instagram'", Double.class);
        Map<String, Object> cards = (Map<String, Object>) dashboard("&segment=Instagram").get("cards");
        assertThat(number(cards.get("spend"))).isCloseTo(instagram, within(1e-6));

        Map<String, Object> before = (Map<String, Object>) dashboard("&to=2026-06-14").get("cards");
        assertThat(number(before.get("rows"))).isZero();
        assertThat(before.get("spend")).isNull();
        Map<String, Object> within = (Map<String, Object>) dashboard("&from=2026-06-15&to=2026-06-15").get("cards");
        assertThat(number(within.get("rows"))).isPositive();
    }

    @Test
    void shouldAnswer400ToAFilterValueWithANulByte() throws Exception {
        for (String query : List.of("&campaign=%00", "&segment=Insta%00gram")) {
            ServeProcess.Answer answer = serve.get(DASHBOARD + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body()).contains("must not contain control characters");
        }
    }
}
