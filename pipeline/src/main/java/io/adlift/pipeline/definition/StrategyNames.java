package io.adlift.pipeline.definition;

import java.util.Map;
import java.util.Set;

/**
 * The strategy names a definition may use, per kind, taken from the registries at start-up; for KPI
 * sets and model datasets also the source columns each reads, so a definition missing one fails at
 * start-up rather than mid-run.
 */
public record StrategyNames(Set<String> readers, Set<String> cleaningRules, Set<String> splits, Set<String> trainers,
        Set<String> deployers, Map<String, SourceNeeds> kpiSets, Map<String, SourceNeeds> datasets) {

    public StrategyNames {
        kpiSets = Map.copyOf(kpiSets);
        datasets = Map.copyOf(datasets);
    }
}
