package io.adlift.steps.train;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to train: the named model strategy, XGBoost booster parameters as strings (for example
 * {@code objective=reg:squarederror}, {@code max_depth=4}, {@code eta=0.1}), the number of boosting
 * rounds and the seed.
 *
 * <p>The seed is passed to XGBoost as its {@code seed} parameter and wins over any {@code seed} in
 * {@code params}, so that the seed recorded in provenance is the one that was used.
 */
public record ModelSpec(String strategy, Map<String, String> params, int rounds, long seed) {

    public ModelSpec {
        if (strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("strategy must name a model strategy, was '"
                    + strategy + "'");
        }
        Objects.requireNonNull(params, "params must not be null; use an empty map for defaults");
        params.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("params must map non-blank names to values, got "
                        + key + "=" + value);
            }
        });
        // Sorted so that error messages and provenance list the parameters in a stable order.
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
    }
}
