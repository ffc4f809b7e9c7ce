package io.adlift.pipeline.definition;

import java.util.Map;

/**
 * What each strategy of one kind reads, published by the configuration that registers them, so the
 * catalog can check definitions against it without depending on the strategies' packages.
 */
public record StrategyNeeds(Kind kind, Map<String, SourceNeeds> byName) {

    public enum Kind {
        KPI_SET, MODEL_DATASET
    }

    public StrategyNeeds {
        byName = Map.copyOf(byName);
    }
}
