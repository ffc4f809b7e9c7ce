package io.adlift.steps.features;

import java.util.List;
import java.util.Objects;

/**
 * One declared feature: its strategy and the source columns it reads. {@code name} defaults to a name
 * derived from the strategy and columns.
 */
public record FeatureSpec(FeatureKind kind, List<String> columns, String name) {

    public FeatureSpec {
        Objects.requireNonNull(kind, "feature kind");
        columns = columns == null ? List.of() : List.copyOf(columns);
        int expected = switch (kind) {
            case RATIO -> 2;
            case PRODUCT -> -2;
            default -> 1;
        };
        if (expected > 0 && columns.size() != expected || expected < 0 && columns.size() < -expected) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " feature needs " + (expected > 0 ? "exactly " + expected : "at least " + -expected)
                    + " column(s), got " + columns);
        }
        if (name == null || name.isBlank()) {
            name = switch (kind) {
                case NUMERIC -> columns.get(0);
                case ONE_HOT -> columns.get(0);
                case RATIO -> columns.get(0) + "_per_" + columns.get(1);
                case PRODUCT -> String.join("_x_", columns);
                case LOG1P -> "log1p_" + columns.get(0);
                case BUCKET -> columns.get(0) + "_bucket";
                case HOUR -> columns.get(0) + "_hour";
                case WEEKDAY -> columns.get(0) + "_weekday";
                case MONTH -> columns.get(0) + "_month";
            };
        }
    }
}
