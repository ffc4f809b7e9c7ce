package io.adlift.pipeline.definition;

import java.util.Set;

/** The strategy names a definition may use, per kind, taken from the registries at start-up. */
public record StrategyNames(Set<String> readers, Set<String> cleaningRules, Set<String> splits, Set<String> trainers,
        Set<String> deployers) {
}
