package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.steps.kpi.PaybackCurve;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code session-attribution} (seed 000): each order's revenue goes to the campaign of the user's
 * latest session at or before the order (last touch). From that: ROAS and CAC per campaign
 * ({@code kpi_session_campaign}) and per creative format × theme ({@code kpi_creative}), and the
 * payback curve, cumulative revenue by days since launch against spend ({@code kpi_payback}), with
 * the day it crosses. Orders attributed before their campaign's start date count in ROAS but not on
 * the curve, which starts at launch.
 */
final class SessionAttributionKpis implements KpiSet {

    private static final String CAMPAIGNS = "campaigns";
    private static final String SESSIONS = "sessions";
    private static final String ORDERS = "orders";

    @Override
    public String name() {
        return "session-attribution";
    }

    @Override
    public SourceNeeds needs() {
        return new SourceNeeds(Map.of(
                CAMPAIGNS, List.of("campaign_id", "name", "start_date", "spend", "creative_format", "creative_theme"),
                SESSIONS, List.of("user_id", "session_start", "campaign_id", "converted"),
                ORDERS, List.of("user_id", "order_ts", "gross_revenue")), List.of());
    }

    @Override
    public List<String> tables() {
        return List.of("kpi_session_campaign", "kpi_creative", "kpi_payback");
    }

    /** A campaign's attributes and sessions, and the orders last-touch attribution gives it by date. */
    private record Campaign(String id, String name, String format, String theme, LocalDate start, double spend,
            long sessions, long convertedSessions, TreeMap<LocalDate, double[]> ordersByDate) {

        long orders() {
            return ordersByDate.values().stream().mapToLong(v -> (long) v[0]).sum();
        }

        double revenue() {
            return ordersByDate.values().stream().mapToDouble(v -> v[1]).sum();
        }

        /** Revenue by days since launch, from launch on. */
        TreeMap<Integer, Double> revenueByDay() {
            TreeMap<Integer, Double> byDay = new TreeMap<>();
            ordersByDate.forEach((date, v) -> {
                long day = start == null ? -1 : ChronoUnit.DAYS.between(start, date);
                if (day >= 0) {
                    byDay.merge((int) day, v[1], Double::sum);
                }
            });
            return byDay;
        }
    }

    @Override
    public Map<String, Integer> write(KpiRun run) {
        Map<String, Campaign> campaigns = campaigns(run);
        attribute(run, campaigns);
        Map<String, Integer> written = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Campaign c : campaigns.values()) {
            long orders = c.orders();
            double revenue = c.revenue();
            rows.add(new Object[] {c.id(), c.name(), c.format(), c.theme(), c.start() == null ? null : java.sql.Date.valueOf(c.start()),
                c.spend(), c.sessions(), c.convertedSessions(), ratio(c.convertedSessions(), c.sessions()), orders, revenue,
                ratio(revenue, c.spend()), ratio(c.spend(), orders), PaybackCurve.of(c.revenueByDay(), c.spend()).paybackDay()});
        }
        written.put("kpi_session_campaign", run.replaceRows("kpi_session_campaign", List.of("campaign_id", "name",
                "creative_format", "creative_theme", "start_date", "spend", "sessions", "converted_sessions",
                "conversion_rate", "orders", "revenue", "roas", "cac", "payback_day"), rows));
        written.put("kpi_creative", creative(run, campaigns));
        written.put("kpi_payback", payback(run, campaigns));
        return written;
    }

    private static Map<String, Campaign> campaigns(KpiRun run) {
        String c = "c.";
        String sessionsCampaign = run.column(SESSIONS, "campaign_id");
        String converted = run.column(SESSIONS, "converted");
        Map<String, Campaign> campaigns = new LinkedHashMap<>();
        run.jdbc().query("SELECT " + c + run.column(CAMPAIGNS, "campaign_id") + ", " + c + run.column(CAMPAIGNS, "name")
                + ", " + c + run.column(CAMPAIGNS, "creative_format") + ", " + c + run.column(CAMPAIGNS, "creative_theme")
                + ", " + c + run.column(CAMPAIGNS, "start_date") + ", CAST(" + c + run.column(CAMPAIGNS, "spend")
                + " AS DOUBLE PRECISION), COALESCE(s.sessions, 0), COALESCE(s.converted, 0)"
                + " FROM " + run.tables(CAMPAIGNS).clean() + " c LEFT JOIN (SELECT " + sessionsCampaign + " AS campaign_id, "
                + "COUNT(*) AS sessions, SUM(CASE WHEN " + converted + " = 1 THEN 1 ELSE 0 END) AS converted FROM "
                + run.tables(SESSIONS).clean() + " WHERE job_instance_id = ? GROUP BY " + sessionsCampaign + ") s"
                + " ON s.campaign_id = c." + run.column(CAMPAIGNS, "campaign_id")
                + " WHERE c.job_instance_id = ? ORDER BY 1", rs -> {
                    java.sql.Date start = rs.getDate(5);
                    campaigns.put(rs.getString(1), new Campaign(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), start == null ? null : start.toLocalDate(), rs.getDouble(6), rs.getLong(7),
                            rs.getLong(8), new TreeMap<>()));
                }, run.jobInstanceId(), run.jobInstanceId());
        return campaigns;
    }

    /**
     * Last touch in one pass: sessions and orders of a user in time order (a session before an order at
     * the same instant), each order taking the latest session seen so far. The running maximum of
     * "session start|campaign" texts is that session's, since the start leads and sorts as time does;
     * at the same instant the larger campaign id wins.
     */
    private static void attribute(KpiRun run, Map<String, Campaign> campaigns) {
        String events = "SELECT s." + run.column(SESSIONS, "user_id") + " AS user_id, s." + run.column(SESSIONS, "session_start")
                + " AS ts, 0 AS kind, s." + run.column(SESSIONS, "campaign_id") + " AS campaign_id, "
                + "CAST(NULL AS DOUBLE PRECISION) AS revenue FROM " + run.tables(SESSIONS).clean()
                + " s WHERE s.job_instance_id = ? UNION ALL SELECT o." + run.column(ORDERS, "user_id") + ", o."
                + run.column(ORDERS, "order_ts") + ", 1, NULL, CAST(o." + run.column(ORDERS, "gross_revenue")
                + " AS DOUBLE PRECISION) FROM " + run.tables(ORDERS).clean() + " o WHERE o.job_instance_id = ?";
        String touched = "SELECT e.kind, e.ts, e.revenue, MAX(CASE WHEN e.kind = 0 THEN CAST(e.ts AS VARCHAR(40)) || '|' "
                + "|| e.campaign_id END) OVER (PARTITION BY e.user_id ORDER BY e.ts, e.kind "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS touch FROM (" + events + ") e";
        String campaign = "SUBSTRING(a.touch FROM POSITION('|' IN a.touch) + 1)";
        run.jdbc().query("SELECT " + campaign + ", CAST(a.ts AS DATE), COUNT(*), " + KpiRun.exactSum("a.revenue")
                + " FROM (" + touched
                + ") a WHERE a.kind = 1 AND a.touch IS NOT NULL GROUP BY " + campaign + ", CAST(a.ts AS DATE)", rs -> {
                    Campaign c = campaigns.get(rs.getString(1));
                    if (c != null) {
                        c.ordersByDate().put(rs.getDate(2).toLocalDate(), new double[] {rs.getLong(3), rs.getDouble(4)});
                    }
                }, run.jobInstanceId(), run.jobInstanceId());
    }

    private static int creative(KpiRun run, Map<String, Campaign> campaigns) {
        Map<List<String>, double[]> byCreative = new TreeMap<>((a, b) -> (a.get(0) + "\u0000" + a.get(1))
                .compareTo(b.get(0) + "\u0000" + b.get(1)));
        for (Campaign c : campaigns.values()) {
            double[] totals = byCreative.computeIfAbsent(List.of(nonNull(c.format()), nonNull(c.theme())),
                    k -> new double[5]);
            totals[0]++;
            totals[1] += c.spend();
            totals[2] += c.sessions();
            totals[3] += c.orders();
            totals[4] += c.revenue();
        }
        List<Object[]> rows = new ArrayList<>();
        byCreative.forEach((key, t) -> rows.add(new Object[] {key.get(0), key.get(1), (long) t[0], t[1], (long) t[2],
            (long) t[3], t[4], ratio(t[4], t[1]), ratio(t[1], t[3])}));
        return run.replaceRows("kpi_creative", List.of("creative_format", "creative_theme", "campaigns", "spend", "sessions",
                "orders", "revenue", "roas", "cac"), rows);
    }

    /** Every campaign's revenue on its own clock since launch, against the spend of all campaigns. */
    private static int payback(KpiRun run, Map<String, Campaign> campaigns) {
        TreeMap<Integer, Double> byDay = new TreeMap<>();
        double spend = 0;
        for (Campaign c : campaigns.values()) {
            spend += c.spend();
            c.revenueByDay().forEach((day, revenue) -> byDay.merge(day, revenue, Double::sum));
        }
        List<Object[]> rows = new ArrayList<>();
        for (PaybackCurve.Point p : PaybackCurve.of(byDay, spend).points()) {
            rows.add(new Object[] {p.day(), p.revenue(), p.cumulativeRevenue(), p.spend(), p.recovered(), p.paidBack()});
        }
        return run.replaceRows("kpi_payback", List.of("day_since_launch", "revenue", "cumulative_revenue", "spend",
                "recovered", "paid_back"), rows);
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
