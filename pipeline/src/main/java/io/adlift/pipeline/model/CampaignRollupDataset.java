package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.kpi.CampaignRollup;

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
        return new Query(CampaignRollup.select(pipeline, true), CampaignRollup.columns(), 3);
    }
}
