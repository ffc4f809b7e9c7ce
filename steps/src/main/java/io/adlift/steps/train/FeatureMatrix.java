package io.adlift.steps.train;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Dense features in row-major order: value {@code (row, column)} is at
 * {@code values[row * columns() + column]}. {@link Float#NaN} marks a missing value.
 *
 * <p>The values array is not copied: a matrix can be large and is handed over, not shared, so the
 * caller must not change it afterwards.
 */
public record FeatureMatrix(List<String> featureNames, int rows, float[] values) {

    public FeatureMatrix {
        Objects.requireNonNull(featureNames, "featureNames must not be null");
        Objects.requireNonNull(values, "values must not be null");
        featureNames = List.copyOf(requireDistinctNames(featureNames));
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be zero or more, was " + rows);
        }
        long expected = (long) rows * featureNames.size();
        if (values.length != expected) {
            throw new IllegalArgumentException("values has " + values.length + " entries but "
                    + rows + " rows × " + featureNames.size() + " features need " + expected);
        }
    }

    public int columns() {
        return featureNames.size();
    }

    private static List<String> requireDistinctNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("feature name at index " + i
                        + " is blank; every feature needs a name, got " + names);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature name '" + name
                        + "' appears more than once in " + names + "; names must be distinct");
            }
        }
        return names;
    }

    // Records compare arrays by identity; two matrices with the same numbers are the same matrix.
    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureMatrix that
                && rows == that.rows
                && featureNames.equals(that.featureNames)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureNames, rows, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "FeatureMatrix[rows=" + rows + ", featureNames=" + featureNames + "]";
    }
}
