package io.adlift.pipeline.definition;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import io.adlift.pipeline.kpi.CampaignRollup;

/** The pipeline definitions shipped in {@code config/pipelines}, loaded without Spring, for unit tests. */
public final class ShippedPipelines {

    public static final Path DIR = Path.of(System.getProperty("adlift.test.repo-root", ".."), "config", "pipelines")
            .toAbsolutePath().normalize();

    /** The KPI sets' own column needs are checked by the application's tests; here every set reads nothing. */
    public static final StrategyNames NAMES = new StrategyNames(Set.of("csv"),
            Set.of("required", "range", "dedupe", "references"), Set.of("hash"), Set.of("xgboost", "trees", "linear", "forest"), Set.of("local"),
            Map.of("ad-performance", SourceNeeds.none(), "campaign-daily", SourceNeeds.none(), "session-attribution",
                    SourceNeeds.none(), "campaign-rollup", SourceNeeds.none(), "influencer", SourceNeeds.none()),
            Map.of("source", SourceNeeds.none(), "campaign-rollup", CampaignRollup.needs()));

    private ShippedPipelines() {
    }

    public static PipelineCatalog catalog() {
        return PipelineCatalog.load(DIR, NAMES);
    }
}
