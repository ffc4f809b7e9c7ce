package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the dashboard's cards, charts and alerts from the KPI tables, aggregated in SQL over the filtered
 * rows. Ratios are ratios of sums (ROAS = total revenue / total spend), never averages of ratios, and a
 * zero denominator gives no value, as in the KPI tables themselves.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class DashboardQueries {

    /** A heatmap's table: two category columns, and the sums its cells divide. */
    private record Heatmap(String table, String x, String y, String revenue, String spend, String conversions,
            String campaign, String segment) {
    }

    private static final Map<String, Heatmap> HEATMAPS = Map.of(
            "influencer", new Heatmap("kpi_persona", "category", "gender", "revenue", "payout", null, null, null),
            "session-attribution", new Heatmap("kpi_creative", "creative_format", "creative_theme", "revenue", "spend",
                    "orders", null, "creative_format"),
            "ad-performance", new Heatmap("kpi_segment", "age", "gender", "revenue", "spend", "conversions", "campaign_id",
                    null));

    private final JdbcTemplate jdbc;

    DashboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, List<String>> options(Pipeline pipeline) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        KpiSource.of(pipeline.steps().kpi().set()).ifPresent(s -> {
            options.put("businessDates", distinct(s.table(), "CAST(business_date AS VARCHAR(10))", pipeline.name()));
            if (s.campaign() != null) {
                options.put("campaigns", distinct(s.table(), s.campaign(), pipeline.name()));
            }
            if (s.segment() != null) {
                options.put("segments", distinct(s.table(), s.segment(), pipeline.name()));
            }
        });
        return options;
    }

    private List<String> distinct(String table, String column, String pipeline) {
        return jdbc.queryForList("SELECT DISTINCT " + column + " FROM " + table + " WHERE pipeline = ? AND " + column
                + " IS NOT NULL ORDER BY 1", String.class, pipeline);
    }

    /** Spend, revenue, ROAS, CAC and CPA over the filtered rows. */
    Map<String, Double> cards(Pipeline pipeline, DashboardFilter filter) {
        Map<String, Double> cards = new LinkedHashMap<>();
        KpiSource.of(pipeline.steps().kpi().set()).ifPresent(s -> {
            Where where = Where.of(filter, s.campaign(), s.segment());
            Map<String, Object> row = jdbc.queryForMap("SELECT SUM(" + s.spend() + ") AS spend, SUM(" + nullable(s.revenue())
                    + ") AS revenue, SUM(" + s.acquisitions() + ") AS acquisitions, SUM(" + s.conversions()
                    + ") AS conversions, COUNT(*) AS n FROM " + s.table() + where.sql(), where.args());
            Double spend = number(row.get("spend"));
            Double revenue = number(row.get("revenue"));
            cards.put("spend", spend);
            cards.put("revenue", revenue);
            cards.put("roas", ratio(revenue, spend));
            cards.put("cac", ratio(spend, number(row.get("acquisitions"))));
            cards.put("cpa", ratio(spend, number(row.get("conversions"))));
            cards.put("rows", number(row.get("n")));
        });
        return cards;
    }

    Map<String, Dashboard.Chart> charts(Pipeline pipeline, DashboardFilter filter) {
        String set = pipeline.steps().kpi().set();
        Map<String, Dashboard.Chart> charts = new LinkedHashMap<>();
        KpiSource.of(set).ifPresent(s -> {
            charts.put("spendByCampaign", spendByCampaign(s, filter));
            charts.put("revenueVsSpend", revenueVsSpend(s, filter, set.equals("influencer") ? "payout" : "spend"));
            charts.put("roiOverTime", set.equals("campaign-daily") ? dailyRoi(filter) : roiByDate(s, filter));
        });
        if (HEATMAPS.containsKey(set)) {
            charts.put("roasHeatmap", heatmap(HEATMAPS.get(set), filter));
        }
        if (set.equals("influencer")) {
            charts.put("engagementByPlatform", series("Engagement rate by platform", List.of("engagement rate"),
                    "SELECT platform, CAST(SUM(likes + comments) AS DOUBLE PRECISION) / NULLIF(SUM(reach), 0) FROM "
                            + "kpi_platform_engagement", "platform", Where.of(filter, null, "platform")));
        }
        if (set.equals("session-attribution")) {
            charts.put("payback", series("Payback: cumulative revenue against spend, by day since launch",
                    List.of("cumulative revenue", "spend"), "SELECT day_since_launch, SUM(cumulative_revenue), SUM(spend) "
                            + "FROM kpi_payback", "day_since_launch", Where.of(filter, null, null)));
        }
        Where lift = Where.of(filter, null, null);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM kpi_lift_forecast" + lift.sql(), Long.class, lift.args()) > 0) {
            charts.put("liftForecast", series("Lift forecast: extra conversions and revenue if spend rose by …",
                    List.of("extra conversions", "extra revenue"), "SELECT spend_increase, SUM(extra_conversions), "
                            + "SUM(extra_revenue) FROM kpi_lift_forecast", "spend_increase", lift));
        }
        return charts;
    }

    /** Campaigns (or influencers) whose revenue does not cover their spend, worst first. */
    List<Dashboard.Alert> alerts(Pipeline pipeline, DashboardFilter filter) {
        return KpiSource.of(pipeline.steps().kpi().set()).filter(s -> s.revenue() != null).map(s -> {
            Where where = Where.of(filter, s.campaign(), s.segment());
            return jdbc.query("SELECT " + s.label() + ", SUM(" + s.spend() + "), SUM(" + s.revenue() + "), SUM("
                            + s.revenue() + ") / NULLIF(SUM(" + s.spend() + "), 0) AS roas FROM " + s.table() + where.sql()
                            + " GROUP BY " + s.label() + " HAVING SUM(" + s.revenue() + ") < SUM(" + s.spend()
                            + ") ORDER BY roas, 1 LIMIT 20",
                    (rs, i) -> new Dashboard.Alert(rs.getString(1), number(rs.getObject(2)), number(rs.getObject(3)),
                            number(rs.getObject(4))), where.args());
        }).orElse(List.of());
    }

    private Dashboard.Chart spendByCampaign(KpiSource s, DashboardFilter filter) {
        return series("Spend and conversions by " + (s.campaign() == null ? "influencer" : "campaign"),
                List.of("spend", "conversions"), "SELECT " + s.label() + ", SUM(" + s.spend() + "), SUM(" + s.conversions()
                        + ") FROM " + s.table(), s.label(), Where.of(filter, s.campaign(), s.segment()));
    }

    private Dashboard.Chart revenueVsSpend(KpiSource s, DashboardFilter filter, String spendName) {
        Where where = Where.of(filter, s.campaign(), s.segment());
        List<Dashboard.Point> points = s.revenue() == null ? List.of() : jdbc.query("SELECT " + s.label() + ", SUM("
                        + s.spend() + "), SUM(" + s.revenue() + ") FROM " + s.table() + where.sql() + " GROUP BY " + s.label()
                        + " HAVING SUM(" + s.revenue() + ") IS NOT NULL ORDER BY 1",
                (rs, i) -> new Dashboard.Point(rs.getString(1), number(rs.getObject(2)), List.of(rs.getDouble(3))),
                where.args());
        return new Dashboard.Chart("Revenue vs " + spendName, List.of(spendName, "revenue"), points);
    }

    private Dashboard.Chart dailyRoi(DashboardFilter filter) {
        boolean oneCampaign = filter.campaign() != null;
        return series("ROI over time", List.of("ROI"), "SELECT CAST(activity_date AS VARCHAR(10)), (SUM(clv) - SUM(spend)) "
                + "/ NULLIF(SUM(spend), 0) FROM " + (oneCampaign ? "kpi_campaign_daily" : "kpi_daily"), "activity_date",
                Where.of(filter, oneCampaign ? "campaign" : null, null));
    }

    private Dashboard.Chart roiByDate(KpiSource s, DashboardFilter filter) {
        if (s.revenue() == null) {
            return new Dashboard.Chart("ROI over time", List.of("ROI"), List.of());
        }
        return series("ROI over time (by business date)", List.of("ROI"), "SELECT CAST(business_date AS VARCHAR(10)), (SUM("
                        + s.revenue() + ") - SUM(" + s.spend() + ")) / NULLIF(SUM(" + s.spend() + "), 0) FROM " + s.table(),
                "business_date", Where.of(filter, s.campaign(), s.segment()));
    }

    /**
     * ROAS per cell; where the data has no revenue (ad-conversions without a value per conversion) the cost
     * per conversion instead, and the title says so.
     */
    private Dashboard.Chart heatmap(Heatmap h, DashboardFilter filter) {
        Where where = Where.of(filter, h.campaign(), h.segment());
        Long withRevenue = jdbc.queryForObject("SELECT COUNT(" + h.revenue() + ") FROM " + h.table() + where.sql(), Long.class,
                where.args());
        boolean roas = withRevenue != null && withRevenue > 0 || h.conversions() == null;
        String value = roas ? "SUM(" + h.revenue() + ") / NULLIF(SUM(" + h.spend() + "), 0)"
                : "SUM(" + h.spend() + ") / NULLIF(SUM(" + h.conversions() + "), 0)";
        List<Dashboard.Point> points = jdbc.query("SELECT " + h.x() + ", " + h.y() + ", " + value + " FROM " + h.table()
                        + where.sql() + " GROUP BY " + h.x() + ", " + h.y() + " ORDER BY 1, 2",
                (rs, i) -> new Dashboard.Point(rs.getString(1), rs.getString(2), values(rs.getObject(3))), where.args());
        return new Dashboard.Chart((roas ? "ROAS" : "Cost per conversion") + " by " + h.x().replace('_', ' ') + " × "
                + h.y().replace('_', ' '), List.of(roas ? "ROAS" : "CPA"), points);
    }

    /** A chart of one row per x: {@code select} returns x then one column per series; grouped and ordered by x. */
    private Dashboard.Chart series(String title, List<String> series, String select, String groupBy, Where where) {
        List<Dashboard.Point> points = jdbc.query(select + where.sql() + " GROUP BY " + groupBy + " ORDER BY " + groupBy,
                (rs, i) -> {
                    List<Double> values = new ArrayList<>();
                    for (int c = 0; c < series.size(); c++) {
                        values.add(number(rs.getObject(c + 2)));
                    }
                    return new Dashboard.Point(rs.getObject(1) instanceof Number n ? n : rs.getString(1), null, values);
                }, where.args());
        // A point without any value (ROI where the data has no revenue) is not a point of the chart.
        return new Dashboard.Chart(title, series, points.stream()
                .filter(p -> p.values().stream().anyMatch(java.util.Objects::nonNull)).toList());
    }

    private static List<Double> values(Object value) {
        List<Double> values = new ArrayList<>();
        values.add(number(value));
        return values;
    }

    private static String nullable(String expression) {
        return expression == null ? "CAST(NULL AS DOUBLE PRECISION)" : expression;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Double ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
    }
}
