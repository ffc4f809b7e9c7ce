package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.serve.NaturalOrder;
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

    /** Alerts listed at most; the dashboard says how many there are in all. */
    static final int ALERTS = 20;

    private static final List<String> MONEY = List.of("currency");

    private final JdbcTemplate jdbc;

    DashboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, List<String>> options(Pipeline pipeline) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        KpiSource.of(pipeline.steps().kpi().set()).ifPresent(s -> {
            options.put("businessDates", distinct(s.table(), "CAST(business_date AS VARCHAR(10))", pipeline.name()));
            if (s.campaign() != null) {
                options.put("campaigns", distinct(s.table(), s.campaign(), pipeline.name()).stream()
                        .sorted(NaturalOrder.INSTANCE).toList());
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
            // Where an acquisition and a conversion are the same thing, CPA would repeat CAC under another name.
            cards.put("cpa", s.acquisitions().equals(s.conversions()) ? null : ratio(spend, number(row.get("conversions"))));
            cards.put("rows", number(row.get("n")));
        });
        return cards;
    }

    /** What each card divides, so that CAC and CPA say how they differ (or that they are one figure here). */
    Map<String, String> cardNotes(Pipeline pipeline) {
        Map<String, String> notes = new LinkedHashMap<>();
        KpiSource.of(pipeline.steps().kpi().set()).ifPresent(s -> {
            String spend = s.spend().equals("payout") ? "payout" : "spend";
            notes.put("roas", "tracked revenue / " + spend + "; not causal");
            if (s.acquisitions().equals(s.conversions())) {
                notes.put("cac", spend + " per " + s.acquisition() + " (CPA is the same figure here: every "
                        + s.acquisition() + " is the conversion)");
            } else {
                notes.put("cac", spend + " per " + s.acquisition());
                notes.put("cpa", spend + " per " + s.conversion());
            }
        });
        return notes;
    }

    Map<String, Dashboard.Chart> charts(Pipeline pipeline, DashboardFilter filter) {
        String set = pipeline.steps().kpi().set();
        Map<String, Dashboard.Chart> charts = new LinkedHashMap<>();
        KpiSource.of(set).ifPresent(s -> {
            charts.put("spendByCampaign", spendByCampaign(s, filter));
            if (s.revenue() == null || !hasRevenue(s, filter) && set.equals("ad-performance")) {
                // No revenue to set against spend: what the data does have, cost per acquisition, not an empty chart.
                charts.put("costPerAcquisition", costPerAcquisition(s, filter));
            } else {
                charts.put("revenueVsSpend", revenueVsSpend(s, filter, set.equals("influencer") ? "payout" : "spend"));
                charts.put("roiOverTime", set.equals("campaign-daily") ? dailyRoi(filter) : roiByDate(s, filter));
            }
        });
        if (HEATMAPS.containsKey(set)) {
            charts.put("roasHeatmap", heatmap(HEATMAPS.get(set), filter));
        }
        if (set.equals("influencer")) {
            charts.put("engagementByPlatform", series("Engagement rate by platform", List.of("engagement rate"),
                    List.of("percent"), "SELECT platform, CAST(SUM(likes + comments) AS DOUBLE PRECISION) / NULLIF(SUM(reach), 0) FROM "
                            + "kpi_platform_engagement", "platform", Where.of(filter, null, "platform")));
        }
        Where lift = Where.of(filter, null, null);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM kpi_lift_forecast" + lift.sql(), Long.class, lift.args()) > 0) {
            charts.put("liftForecast", series("Lift forecast: extra conversions and revenue if spend rose by …",
                    List.of("extra conversions", "extra revenue"), List.of("count", "currency"), "SELECT spend_increase, "
                            + "SUM(extra_conversions), SUM(extra_revenue) FROM kpi_lift_forecast", "spend_increase", lift));
        }
        return charts;
    }

    /** Whether any filtered row has revenue (ad-conversions has none without a value per approved conversion). */
    boolean hasRevenue(KpiSource s, DashboardFilter filter) {
        if (s.revenue() == null) {
            return false;
        }
        Where where = Where.of(filter, s.campaign(), s.segment());
        Long n = jdbc.queryForObject("SELECT COUNT(" + s.revenue() + ") FROM " + s.table() + where.sql(), Long.class,
                where.args());
        return n != null && n > 0;
    }

    /** The filtered KPI rows, and all of the pipeline's: which of the two is zero says why a view is empty. */
    long[] rowCounts(Pipeline pipeline, DashboardFilter filter) {
        return KpiSource.of(pipeline.steps().kpi().set()).map(s -> {
            Where where = Where.of(filter, s.campaign(), s.segment());
            long filtered = jdbc.queryForObject("SELECT COUNT(*) FROM " + s.table() + where.sql(), Long.class, where.args());
            long all = jdbc.queryForObject("SELECT COUNT(*) FROM " + s.table() + " WHERE pipeline = ?", Long.class,
                    pipeline.name());
            return new long[] {filtered, all};
        }).orElse(new long[] {0, 0});
    }

    /** Campaigns (or influencers) whose revenue does not cover their spend, worst first, at most {@value #ALERTS}. */
    List<Dashboard.Alert> alerts(Pipeline pipeline, DashboardFilter filter) {
        return KpiSource.of(pipeline.steps().kpi().set()).filter(s -> s.revenue() != null).map(s -> {
            Where where = Where.of(filter, s.campaign(), s.segment());
            return jdbc.query(poorRoi(s, where) + " ORDER BY roas, 1 LIMIT " + ALERTS,
                    (rs, i) -> new Dashboard.Alert(rs.getString(1), number(rs.getObject(2)), number(rs.getObject(3)),
                            number(rs.getObject(4))), where.args());
        }).orElse(List.of());
    }

    /** How many campaigns (or influencers) the alerts would list without their cap. */
    long alertsTotal(Pipeline pipeline, DashboardFilter filter) {
        return KpiSource.of(pipeline.steps().kpi().set()).filter(s -> s.revenue() != null).map(s -> {
            Where where = Where.of(filter, s.campaign(), s.segment());
            return jdbc.queryForObject("SELECT COUNT(*) FROM (" + poorRoi(s, where) + ") poor", Long.class, where.args());
        }).orElse(0L);
    }

    private static String poorRoi(KpiSource s, Where where) {
        return "SELECT " + s.label() + ", SUM(" + s.spend() + "), SUM(" + s.revenue() + "), SUM(" + s.revenue()
                + ") / NULLIF(SUM(" + s.spend() + "), 0) AS roas FROM " + s.table() + where.sql() + " GROUP BY " + s.label()
                + " HAVING SUM(" + s.revenue() + ") < SUM(" + s.spend() + ")";
    }

    private Dashboard.Chart spendByCampaign(KpiSource s, DashboardFilter filter) {
        Dashboard.Chart chart = series("Spend and conversions by " + (s.campaign() == null ? "influencer" : "campaign"),
                List.of(s.spend().equals("payout") ? "payout" : "spend", "conversions"), List.of("currency", "count"),
                "SELECT " + s.label() + ", SUM(" + s.spend() + "), SUM(" + s.conversions() + ") FROM " + s.table(), s.label(),
                Where.of(filter, s.campaign(), s.segment()));
        return naturally(chart);
    }

    private Dashboard.Chart costPerAcquisition(KpiSource s, DashboardFilter filter) {
        return naturally(series("Cost per " + s.acquisition() + " by " + (s.campaign() == null ? "influencer" : "campaign"),
                List.of("cost per " + s.acquisition()), MONEY, "SELECT " + s.label() + ", SUM(" + s.spend()
                        + ") / NULLIF(SUM(" + s.acquisitions() + "), 0) FROM " + s.table(), s.label(),
                Where.of(filter, s.campaign(), s.segment())));
    }

    private Dashboard.Chart revenueVsSpend(KpiSource s, DashboardFilter filter, String spendName) {
        Where where = Where.of(filter, s.campaign(), s.segment());
        List<Dashboard.Point> points = jdbc.query("SELECT " + s.label() + ", SUM(" + s.spend() + "), SUM(" + s.revenue()
                        + ") FROM " + s.table() + where.sql() + " GROUP BY " + s.label() + " HAVING SUM(" + s.revenue()
                        + ") IS NOT NULL ORDER BY 1",
                (rs, i) -> new Dashboard.Point(rs.getString(1), number(rs.getObject(2)), List.of(rs.getDouble(3))),
                where.args());
        return naturally(chart("Revenue vs " + spendName + " (tracked, not causal)", List.of(spendName, "revenue"),
                List.of("currency", "currency"), points));
    }

    private Dashboard.Chart dailyRoi(DashboardFilter filter) {
        boolean oneCampaign = filter.campaign() != null;
        return series("ROI over time", List.of("ROI"), List.of("percent"), "SELECT CAST(activity_date AS VARCHAR(10)), "
                + "(SUM(clv) - SUM(spend)) / NULLIF(SUM(spend), 0) FROM " + (oneCampaign ? "kpi_campaign_daily" : "kpi_daily"),
                "activity_date", Where.of(filter, oneCampaign ? "campaign" : null, null));
    }

    private Dashboard.Chart roiByDate(KpiSource s, DashboardFilter filter) {
        return series("ROI over time (by business date)", List.of("ROI"), List.of("percent"), "SELECT CAST(business_date "
                        + "AS VARCHAR(10)), (SUM(" + s.revenue() + ") - SUM(" + s.spend() + ")) / NULLIF(SUM(" + s.spend()
                        + "), 0) FROM " + s.table(), "business_date", Where.of(filter, s.campaign(), s.segment()));
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
        return chart((roas ? "ROAS" : "Cost per conversion") + " by " + h.x().replace('_', ' ') + " × "
                + h.y().replace('_', ' '), List.of(roas ? "ROAS" : "CPA"), List.of(roas ? "ratio" : "currency"), points);
    }

    /** A chart of one row per x: {@code select} returns x then one column per series; grouped and ordered by x. */
    private Dashboard.Chart series(String title, List<String> series, List<String> units, String select, String groupBy,
            Where where) {
        List<Dashboard.Point> points = jdbc.query(select + where.sql() + " GROUP BY " + groupBy + " ORDER BY " + groupBy,
                (rs, i) -> {
                    List<Double> values = new ArrayList<>();
                    for (int c = 0; c < series.size(); c++) {
                        values.add(number(rs.getObject(c + 2)));
                    }
                    return new Dashboard.Point(rs.getObject(1) instanceof Number n ? n : rs.getString(1), null, values);
                }, where.args());
        // A point without any value (ROI where the data has no revenue) is not a point of the chart.
        return chart(title, series, units, points.stream()
                .filter(p -> p.values().stream().anyMatch(java.util.Objects::nonNull)).toList());
    }

    static Dashboard.Chart chart(String title, List<String> series, List<String> units, List<Dashboard.Point> points) {
        return new Dashboard.Chart(title, series, units, points, null, null, null);
    }

    /** The chart with its points in natural order of their labels: campaign 99 before campaign 100. */
    private static Dashboard.Chart naturally(Dashboard.Chart chart) {
        List<Dashboard.Point> sorted = chart.points().stream()
                .sorted(java.util.Comparator.comparing(p -> String.valueOf(p.x()), NaturalOrder.INSTANCE)).toList();
        return new Dashboard.Chart(chart.title(), chart.series(), chart.units(), sorted, chart.empty(), chart.note(),
                chart.mark());
    }

    private static List<Double> values(Object value) {
        List<Double> values = new ArrayList<>();
        values.add(number(value));
        return values;
    }

    private static String nullable(String expression) {
        return expression == null ? "CAST(NULL AS DOUBLE PRECISION)" : expression;
    }

    static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Double ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
    }
}
