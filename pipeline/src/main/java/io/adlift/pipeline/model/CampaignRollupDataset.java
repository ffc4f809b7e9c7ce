package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.kpi.CampaignRollup;
import java.util.stream.Collectors;

/**
 * {@code campaign-rollup}: one row per campaign with its ads and ad events rolled up
 * ({@link CampaignRollup}), split by the campaign rows' split labels.
 */
final class CampaignRollupDataset implements ModelDataset {

    @Override
    public String name() {
        return "campaign-rollup";
    }

    @Override
    public SourceNeeds needs() {
        return CampaignRollup.needs();
    }

    @Override
    public Query query(Pipeline pipeline) {
        String columns = CampaignRollup.columns().stream().map(c -> "r." + c).collect(Collectors.joining(", "));
        return new Query("SELECT " + columns + " FROM (" + CampaignRollup.select(pipeline, true) + ") r"
                + " WHERE r.data_split = ? ORDER BY r.source_file, r.source_line", CampaignRollup.columns(), 3);
    }
}
