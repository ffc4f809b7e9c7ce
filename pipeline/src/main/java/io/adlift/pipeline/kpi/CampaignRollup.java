package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.storage.SourceTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Campaigns with their ads and ad events rolled up (seed 002): one row per campaign with its duration,
 * budget and months, how many ads it runs, how many distinct interests they target, its ads counted per
 * platform, format, target gender and target age group, and its impressions, clicks and purchases.
 * Both the {@code campaign-rollup} KPI set and the model dataset of the same name read it.
 */
public final class CampaignRollup {

    static final String CAMPAIGNS = "campaigns";
    static final String ADS = "ads";
    static final String EVENTS = "ad_events";

    /** Each ad count: its column, the ads column it looks at, and the value it counts. */
    private record Count(String name, String column, String value) {
    }

    private static final List<Count> COUNTS = List.of(
            new Count("ads_facebook", "platform", "Facebook"), new Count("ads_instagram", "platform", "Instagram"),
            new Count("ads_carousel", "ad_type", "Carousel"), new Count("ads_image", "ad_type", "Image"),
            new Count("ads_stories", "ad_type", "Stories"), new Count("ads_video", "ad_type", "Video"),
            new Count("ads_gender_all", "target_gender", "All"), new Count("ads_gender_female", "target_gender", "Female"),
            new Count("ads_gender_male", "target_gender", "Male"),
            new Count("ads_age_18_24", "target_age_group", "18-24"), new Count("ads_age_25_34", "target_age_group", "25-34"),
            new Count("ads_age_35_44", "target_age_group", "35-44"), new Count("ads_age_all", "target_age_group", "All"));

    private static final List<String> EVENT_TYPES = List.of("impression", "click", "purchase");

    private CampaignRollup() {
    }

    public static SourceNeeds needs() {
        return new SourceNeeds(Map.of(
                CAMPAIGNS, List.of("campaign_id", "duration_days", "total_budget", "start_month", "end_month"),
                ADS, List.of("ad_id", "campaign_id", "platform", "ad_type", "target_gender", "target_age_group", "interest"),
                EVENTS, List.of("ad_id", "event_type")), columns());
    }

    /** The rollup's columns, in order. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("campaign_id", "duration_days", "total_budget", "start_month",
                "end_month", "ads", "unique_interests"));
        COUNTS.forEach(c -> columns.add(c.name()));
        columns.addAll(List.of("impressions", "clicks", "purchases"));
        return columns;
    }

    /**
     * The rollup of one job instance: a SELECT of {@link #columns()} whose three parameters are the job
     * instance id. With {@code ofSplitPart} a fourth parameter names the split part whose campaigns it
     * selects, in file order.
     */
    public static String select(Pipeline pipeline, boolean ofSplitPart) {
        Map<String, SourceTables> t = SourceTables.of(pipeline);
        SourceTables campaigns = t.get(CAMPAIGNS);
        SourceTables ads = t.get(ADS);
        SourceTables events = t.get(EVENTS);
        String adCampaign = ads.column("campaign_id");
        StringBuilder adCounts = new StringBuilder();
        for (Count c : COUNTS) {
            adCounts.append(", SUM(CASE WHEN ").append(ads.column(c.column())).append(" = '").append(c.value())
                    .append("' THEN 1 ELSE 0 END) AS ").append(c.name());
        }
        StringBuilder eventCounts = new StringBuilder();
        for (String type : EVENT_TYPES) {
            eventCounts.append(", SUM(CASE WHEN e.").append(events.column("event_type")).append(" = '").append(type)
                    .append("' THEN 1 ELSE 0 END) AS ").append(type).append('s');
        }
        StringBuilder select = new StringBuilder("SELECT c.").append(campaigns.column("campaign_id"))
                .append(" AS campaign_id, c.").append(campaigns.column("duration_days")).append(" AS duration_days, c.")
                .append(campaigns.column("total_budget")).append(" AS total_budget, c.").append(campaigns.column("start_month"))
                .append(" AS start_month, c.").append(campaigns.column("end_month")).append(" AS end_month")
                .append(", COALESCE(a.ads, 0) AS ads, COALESCE(a.unique_interests, 0) AS unique_interests");
        COUNTS.forEach(c -> select.append(", COALESCE(a.").append(c.name()).append(", 0) AS ").append(c.name()));
        EVENT_TYPES.forEach(type -> select.append(", COALESCE(v.").append(type).append("s, 0) AS ")
                .append(type.equals("impression") ? "impressions" : type.equals("click") ? "clicks" : "purchases"));
        return select.append(" FROM ").append(campaigns.clean()).append(" c")
                .append(" LEFT JOIN (SELECT ").append(adCampaign).append(" AS campaign_id, COUNT(*) AS ads, COUNT(DISTINCT ")
                .append(ads.column("interest")).append(") AS unique_interests").append(adCounts).append(" FROM ")
                .append(ads.clean()).append(" WHERE job_instance_id = ? GROUP BY ").append(adCampaign).append(") a")
                .append(" ON a.campaign_id = c.").append(campaigns.column("campaign_id"))
                .append(" LEFT JOIN (SELECT d.").append(adCampaign).append(" AS campaign_id").append(eventCounts)
                .append(" FROM ").append(events.clean()).append(" e JOIN ").append(ads.clean()).append(" d ON d.job_instance_id")
                .append(" = e.job_instance_id AND d.").append(ads.column("ad_id")).append(" = e.").append(events.column("ad_id"))
                .append(" WHERE e.job_instance_id = ? GROUP BY d.").append(adCampaign).append(") v")
                .append(" ON v.campaign_id = c.").append(campaigns.column("campaign_id"))
                .append(" WHERE c.job_instance_id = ?")
                .append(ofSplitPart ? " AND c.data_split = ? ORDER BY c.source_file, c.source_line" : "").toString();
    }
}
