package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.SourceNeeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code campaign-daily} (seed 001): per day and campaign ({@code kpi_campaign_daily}) and per day
 * over all campaigns ({@code kpi_daily}): CTR, conversion rate and ROI as a ratio, (value − spend) /
 * spend, where value is the customer lifetime value of the day's conversions; the seed printed
 * conversions × 100 − spend, a dollar amount, as ROI. Running totals give ROI to date, the series
 * behind "ROI over time".
 */
final class CampaignDailyKpis implements KpiSet {

    static final String SOURCE = "daily";

    @Override
    public String name() {
        return "campaign-daily";
    }

    @Override
    public SourceNeeds needs() {
        return new SourceNeeds(Map.of(SOURCE, List.of("date", "campaign", "impressions", "clicks", "conversions", "spend",
                "clv")), List.of());
    }

    @Override
    public List<String> tables() {
        return List.of("kpi_campaign_daily", "kpi_daily");
    }

    @Override
    public Map<String, Integer> write(KpiRun run) {
        Map<String, Integer> written = new LinkedHashMap<>();
        written.put("kpi_campaign_daily", run.replace("kpi_campaign_daily", List.of("activity_date", "campaign", "impressions",
                "clicks", "conversions", "spend", "clv", "ctr", "conversion_rate", "roi", "spend_to_date", "clv_to_date",
                "roi_to_date"), select(run, true), run.jobInstanceId()));
        written.put("kpi_daily", run.replace("kpi_daily", List.of("activity_date", "campaigns", "impressions", "clicks",
                "conversions", "spend", "clv", "ctr", "conversion_rate", "roi", "spend_to_date", "clv_to_date",
                "roi_to_date"), select(run, false), run.jobInstanceId()));
        return written;
    }

    /** Sums per day (and campaign), then ratios and running totals over days. */
    private static String select(KpiRun run, boolean byCampaign) {
        String day = "s." + run.column(SOURCE, "date");
        String campaign = "s." + run.column(SOURCE, "campaign");
        String partition = byCampaign ? "PARTITION BY g.campaign " : "";
        String running = " OVER (" + partition + "ORDER BY g.activity_date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
        return "SELECT g.activity_date, " + (byCampaign ? "g.campaign" : "g.campaigns")
                + ", g.impressions, g.clicks, g.conversions, g.spend, g.clv"
                + ", CAST(g.clicks AS DOUBLE PRECISION) / NULLIF(g.impressions, 0)"
                + ", CAST(g.conversions AS DOUBLE PRECISION) / NULLIF(g.clicks, 0)"
                + ", (g.clv - g.spend) / NULLIF(g.spend, 0)"
                + ", SUM(g.spend)" + running
                + ", SUM(g.clv)" + running
                + ", (SUM(g.clv)" + running + " - SUM(g.spend)" + running + ") / NULLIF(SUM(g.spend)" + running + ", 0)"
                + " FROM (SELECT " + day + " AS activity_date, "
                + (byCampaign ? "COALESCE(" + campaign + ", '') AS campaign" : "COUNT(DISTINCT " + campaign + ") AS campaigns")
                + ", SUM(s." + run.column(SOURCE, "impressions") + ") AS impressions"
                + ", SUM(s." + run.column(SOURCE, "clicks") + ") AS clicks"
                + ", SUM(s." + run.column(SOURCE, "conversions") + ") AS conversions"
                + ", " + KpiRun.exactSum("s." + run.column(SOURCE, "spend")) + " AS spend"
                + ", " + KpiRun.exactSum("s." + run.column(SOURCE, "clv")) + " AS clv"
                + " FROM " + run.tables(SOURCE).clean() + " s WHERE s.job_instance_id = ? GROUP BY " + day
                + (byCampaign ? ", " + campaign : "") + ") g";
    }
}
