package io.adlift.steps.deploy;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a model came from: the run that trained it, the exact inputs and configuration, the seed
 * and the software version, so that it can be traced and retrained to the same result.
 */
public record ModelProvenance(
        String pipeline,
        String businessDate,
        long jobExecutionId,
        String inputFingerprint,
        long seed,
        String configHash,
        String adliftVersion,
        Map<String, String> params,
        Map<String, Double> metrics) {

    public ModelProvenance {
        requireText(pipeline, "pipeline");
        requireText(businessDate, "businessDate");
        requireText(inputFingerprint, "inputFingerprint");
        requireText(configHash, "configHash");
        requireText(adliftVersion, "adliftVersion");
        params = sortedCopy(params, "params");
        metrics = sortedCopy(metrics, "metrics");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("model provenance needs a " + field
                    + ", was '" + value + "'");
        }
    }

    private static <V> Map<String, V> sortedCopy(Map<String, V> map, String field) {
        Objects.requireNonNull(map, () -> "model provenance needs " + field
                + "; use an empty map if there are none");
        map.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("model provenance " + field
                        + " must not contain nulls, got " + key + "=" + value);
            }
        });
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
