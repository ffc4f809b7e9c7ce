package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.SourceNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code campaign-rollup} (seed 002): {@link CampaignRollup}'s row per campaign ({@code kpi_campaign_rollup}),
 * with CTR and purchases per click. The model's predicted purchases per campaign are in
 * {@code model_prediction}.
 */
final class CampaignRollupKpis implements KpiSet {

    @Override
    public String name() {
        return "campaign-rollup";
    }

    @Override
    public SourceNeeds needs() {
        return new SourceNeeds(CampaignRollup.needs().reads(), List.of());
    }

    @Override
    public List<String> tables() {
        return List.of("kpi_campaign_rollup");
    }

    @Override
    public Map<String, Integer> write(KpiRun run) {
        List<String> columns = new ArrayList<>(CampaignRollup.columns());
        columns.addAll(List.of("ctr", "purchase_rate"));
        String select = "SELECT r.*, CAST(r.clicks AS DOUBLE PRECISION) / NULLIF(r.impressions, 0), "
                + "CAST(r.purchases AS DOUBLE PRECISION) / NULLIF(r.clicks, 0) FROM ("
                + CampaignRollup.select(run.run().pipeline(), false) + ") r";
        long id = run.jobInstanceId();
        return Map.of("kpi_campaign_rollup", run.replace("kpi_campaign_rollup", columns, select, id, id, id));
    }
}
