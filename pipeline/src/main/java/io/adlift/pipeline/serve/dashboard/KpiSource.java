package io.adlift.pipeline.serve.dashboard;

import java.util.Map;
import java.util.Optional;

/**
 * Where a KPI set keeps the money of its campaigns (or influencers): the table, and the SQL expressions of
 * its spend, revenue, acquisitions (purchases, orders: what CAC divides by) and conversions (what CPA
 * divides by), its campaign and segment columns. A null expression: the set does not have that measure.
 * {@code acquisition} and {@code conversion} name one of each, for the cards; where they name the same
 * thing CAC and CPA are one figure.
 */
record KpiSource(String table, String label, String spend, String revenue, String acquisitions, String conversions,
        String campaign, String segment, String acquisition, String conversion) {

    private static final Map<String, KpiSource> BY_SET = Map.of(
            "ad-performance", new KpiSource("kpi_campaign", "campaign_id", "spend", "revenue", "approved_conversions",
                    "conversions", "campaign_id", null, "approved conversion (purchase)", "conversion (enquiry)"),
            "campaign-daily", new KpiSource("kpi_campaign_daily", "campaign", "spend", "clv", "conversions", "conversions",
                    "campaign", null, "conversion", "conversion"),
            "session-attribution", new KpiSource("kpi_session_campaign", "COALESCE(name, campaign_id)", "spend", "revenue",
                    "orders", "converted_sessions", "campaign_id", "creative_format", "order", "converted session"),
            "campaign-rollup", new KpiSource("kpi_campaign_rollup", "campaign_id", "total_budget", null, "purchases",
                    "purchases", "campaign_id", null, "purchase", "purchase"),
            "influencer", new KpiSource("kpi_influencer", "COALESCE(name, influencer_id)", "payout", "revenue", "orders",
                    "orders", null, "platform", "order", "order"));

    /** The source of a definition's {@code steps.kpi.set}. */
    static Optional<KpiSource> of(String kpiSet) {
        return Optional.ofNullable(BY_SET.get(kpiSet));
    }
}
