package io.adlift.steps.ingest;

import java.util.Locale;
import java.util.Objects;

/**
 * One column of a source: its header name in the file, its type, and whether a value is required.
 * {@link #sqlName()} is the column's name in Adlift's tables: the header lower-cased, with anything
 * that is not a letter, digit or underscore replaced, so that {@code Approved_Conversion} becomes
 * {@code approved_conversion}.
 */
public record ColumnSpec(String name, ColumnType type, boolean required) {

    public ColumnSpec {
        Objects.requireNonNull(name, "column name");
        Objects.requireNonNull(type, "column type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
    }

    public String sqlName() {
        String lower = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Character.isDigit(lower.charAt(0)) ? "c_" + lower : lower;
    }
}
