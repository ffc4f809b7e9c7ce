package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.SourceNeeds;
import io.adlift.pipeline.kpi.CampaignRollup;
import io.adlift.steps.deploy.KnownAnswer;
import java.util.List;

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

    /** Seed 002's rule: a campaign designed with zero ads gets zero purchases, without asking the model. */
    @Override
    public List<KnownAnswer> knownAnswers() {
        return List.of(new KnownAnswer("ads", 0, 0));
    }

    @Override
    public Query query(Pipeline pipeline) {
        return new Query(CampaignRollup.select(pipeline, true), CampaignRollup.columns(), 3);
    }
}
