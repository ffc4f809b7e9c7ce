package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.steps.kpi.GroupOutcome;
import io.adlift.steps.kpi.Lift;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code influencer} (seed 004): ROAS (tracked revenue / payout) per influencer with the below-1 alert,
 * per persona (category × gender) and overall; engagement rate, (likes + comments) / reach, by
 * platform; and the incremental effect measured against the control group, per user, by {@link Lift}.
 */
final class InfluencerKpis implements KpiSet {

    private static final String INFLUENCERS = "influencers";
    private static final String POSTS = "posts";
    private static final String TRACKING = "tracking_data";
    private static final String PAYOUTS = "payouts";

    @Override
    public String name() {
        return "influencer";
    }

    @Override
    public SourceNeeds needs() {
        return new SourceNeeds(Map.of(
                INFLUENCERS, List.of("influencer_id", "name", "platform", "category", "gender", "influencer_type",
                        "follower_count"),
                POSTS, List.of("influencer_id", "likes", "comments", "reach", "platform"),
                TRACKING, List.of("influencer_id", "revenue", "user_id", "group", "orders"),
                PAYOUTS, List.of("influencer_id", "total_payout")), List.of());
    }

    @Override
    public List<String> tables() {
        return List.of("kpi_influencer", "kpi_persona", "kpi_platform_engagement", "kpi_influencer_summary");
    }

    @Override
    public Map<String, Integer> write(KpiRun run) {
        Map<String, Integer> written = new LinkedHashMap<>();
        written.put("kpi_influencer", run.replace("kpi_influencer", List.of("influencer_id", "name", "platform",
                "category", "gender", "influencer_type", "follower_count", "posts", "reach", "likes", "comments",
                "engagement_rate", "orders", "revenue", "payout", "roas", "poor_roi", "profit"), influencers(run),
                run.jobInstanceId(), run.jobInstanceId(), run.jobInstanceId(), run.jobInstanceId()));
        String ofThisDate = " FROM kpi_influencer k WHERE k.pipeline = ? AND k.business_date = ?";
        Object[] date = {run.run().pipeline().name(), Date.valueOf(run.run().businessDate())};
        written.put("kpi_persona", run.replace("kpi_persona", List.of("category", "gender", "influencers", "revenue",
                "payout", "roas"), "SELECT k.category, k.gender, COUNT(*), SUM(k.revenue), SUM(k.payout), "
                + "SUM(k.revenue) / NULLIF(SUM(k.payout), 0)" + ofThisDate + " GROUP BY k.category, k.gender", date));
        written.put("kpi_platform_engagement", run.replace("kpi_platform_engagement", List.of("platform", "influencers",
                "posts", "likes", "comments", "reach", "engagement_rate"), engagement(run), run.jobInstanceId()));
        written.put("kpi_influencer_summary", summary(run, date, ofThisDate));
        return written;
    }

    private static String influencers(KpiRun run) {
        String p = run.tables(POSTS).clean();
        String t = run.tables(TRACKING).clean();
        String y = run.tables(PAYOUTS).clean();
        String id = run.column(INFLUENCERS, "influencer_id");
        String postsId = run.column(POSTS, "influencer_id");
        String trackingId = run.column(TRACKING, "influencer_id");
        String payoutsId = run.column(PAYOUTS, "influencer_id");
        String likesAndComments = "COALESCE(p.likes, 0) + COALESCE(p.comments, 0)";
        String revenue = "COALESCE(t.revenue, 0)";
        String payout = "COALESCE(y.payout, 0)";
        return "SELECT i." + id + ", i." + run.column(INFLUENCERS, "name") + ", i." + run.column(INFLUENCERS, "platform")
                + ", i." + run.column(INFLUENCERS, "category") + ", i." + run.column(INFLUENCERS, "gender")
                + ", i." + run.column(INFLUENCERS, "influencer_type") + ", i." + run.column(INFLUENCERS, "follower_count")
                + ", COALESCE(p.posts, 0), COALESCE(p.reach, 0), COALESCE(p.likes, 0), COALESCE(p.comments, 0)"
                + ", CAST(" + likesAndComments + " AS DOUBLE PRECISION) / NULLIF(p.reach, 0)"
                + ", COALESCE(t.orders, 0), " + revenue + ", " + payout
                + ", " + revenue + " / NULLIF(" + payout + ", 0)"
                + ", CASE WHEN " + payout + " > 0 AND " + revenue + " < " + payout + " THEN TRUE ELSE FALSE END"
                + ", " + revenue + " - " + payout
                + " FROM " + run.tables(INFLUENCERS).clean() + " i"
                + " LEFT JOIN (SELECT " + postsId + " AS influencer_id, COUNT(*) AS posts, SUM(" + run.column(POSTS, "reach")
                + ") AS reach, SUM(" + run.column(POSTS, "likes") + ") AS likes, SUM(" + run.column(POSTS, "comments")
                + ") AS comments FROM " + p + " WHERE job_instance_id = ? GROUP BY " + postsId + ") p"
                + " ON p.influencer_id = i." + id
                + " LEFT JOIN (SELECT " + trackingId + " AS influencer_id, SUM(" + run.column(TRACKING, "orders")
                + ") AS orders, " + KpiRun.exactSum(run.column(TRACKING, "revenue")) + " AS revenue FROM " + t
                + " WHERE job_instance_id = ? GROUP BY " + trackingId + ") t ON t.influencer_id = i." + id
                + " LEFT JOIN (SELECT " + payoutsId + " AS influencer_id, "
                + KpiRun.exactSum(run.column(PAYOUTS, "total_payout")) + " AS payout FROM " + y
                + " WHERE job_instance_id = ? GROUP BY " + payoutsId + ") y"
                + " ON y.influencer_id = i." + id
                + " WHERE i.job_instance_id = ?";
    }

    private static String engagement(KpiRun run) {
        String platform = "s." + run.column(POSTS, "platform");
        return "SELECT COALESCE(" + platform + ", ''), COUNT(DISTINCT s." + run.column(POSTS, "influencer_id")
                + "), COUNT(*), SUM(s." + run.column(POSTS, "likes") + "), SUM(s." + run.column(POSTS, "comments")
                + "), SUM(s." + run.column(POSTS, "reach") + "), CAST(SUM(s." + run.column(POSTS, "likes") + ") + SUM(s."
                + run.column(POSTS, "comments") + ") AS DOUBLE PRECISION) / NULLIF(SUM(s." + run.column(POSTS, "reach")
                + "), 0) FROM " + run.tables(POSTS).clean() + " s WHERE s.job_instance_id = ? GROUP BY " + platform;
    }

    /** One row: totals, and the lift of revenue per user, exposed (group 1) against control (group 0). */
    private static int summary(KpiRun run, Object[] date, String ofThisDate) {
        Map<String, Object> totals = run.jdbc().queryForMap("SELECT COUNT(*) AS influencers, "
                + "COALESCE(SUM(k.revenue), 0) AS revenue, COALESCE(SUM(k.payout), 0) AS payout, "
                + "SUM(CASE WHEN k.poor_roi THEN 1 ELSE 0 END) AS poor" + ofThisDate, date);
        String group = "t." + run.column(TRACKING, "group");
        String perUser = "SELECT t." + run.column(TRACKING, "user_id") + " AS user_id, " + group + " AS grp, "
                + KpiRun.exactSum("t." + run.column(TRACKING, "revenue")) + " AS revenue, "
                + "SUM(t." + run.column(TRACKING, "orders") + ") AS orders FROM " + run.tables(TRACKING).clean()
                + " t WHERE t.job_instance_id = ? AND " + group + " IN (0, 1) GROUP BY t."
                + run.column(TRACKING, "user_id") + ", " + group;
        Map<Long, long[]> converted = new java.util.HashMap<>();
        Map<Long, GroupOutcome> outcomes = new java.util.HashMap<>();
        run.jdbc().query("SELECT u.grp, COUNT(*), SUM(u.revenue), SUM(u.revenue * u.revenue), "
                + "SUM(CASE WHEN u.orders > 0 THEN 1 ELSE 0 END) FROM (" + perUser + ") u GROUP BY u.grp", rs -> {
                    long grp = rs.getLong(1);
                    outcomes.put(grp, new GroupOutcome(rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
                    converted.put(grp, new long[] {rs.getLong(5)});
                }, run.jobInstanceId());
        double revenue = ((Number) totals.get("revenue")).doubleValue();
        double payout = ((Number) totals.get("payout")).doubleValue();
        GroupOutcome exposed = outcomes.getOrDefault(1L, new GroupOutcome(0, 0, 0));
        GroupOutcome control = outcomes.getOrDefault(0L, new GroupOutcome(0, 0, 0));
        List<Object> row = new ArrayList<>(Arrays.asList(((Number) totals.get("influencers")).longValue(), revenue, payout,
                payout > 0 ? revenue / payout : null, totals.get("poor") == null ? 0L : ((Number) totals.get("poor")).longValue(),
                exposed.units(), control.units(), rate(converted.get(1L), exposed), rate(converted.get(0L), control)));
        if (exposed.units() > 0 && control.units() > 0) {
            Lift lift = Lift.of(exposed, control);
            row.addAll(Arrays.asList(lift.exposedMean(), lift.controlMean(), lift.lift(), lift.ciLow(), lift.ciHigh(),
                    lift.incrementalTotal(), lift.perCost(payout)));
        } else {
            row.addAll(Arrays.asList(null, null, null, null, null, null, null));
        }
        return run.replaceRows("kpi_influencer_summary", List.of("influencers", "revenue", "payout", "roas",
                "poor_roi_influencers", "exposed_users", "control_users", "exposed_conversion_rate",
                "control_conversion_rate", "exposed_revenue_per_user", "control_revenue_per_user", "lift", "lift_ci_low",
                "lift_ci_high", "incremental_revenue", "iroas"), List.<Object[]>of(row.toArray()));
    }

    private static Double rate(long[] converted, GroupOutcome group) {
        return converted == null || group.units() == 0 ? null : (double) converted[0] / group.units();
    }
}
