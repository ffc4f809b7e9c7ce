package io.adlift.steps.ingest;

import java.util.Arrays;

/**
 * A record typed against its schema: one value per declared column, in schema order, each a
 * {@code String}, {@code Long}, {@code Double}, {@code LocalDate}, {@code Boolean} or {@code null}.
 */
public record TypedRow(String file, long line, Object[] values) {

    public TypedRow {
        values = values.clone();
    }

    public Object value(int column) {
        return values[column];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypedRow row && row.line == line && row.file.equals(file)
                && Arrays.equals(row.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(line) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + Arrays.toString(values);
    }
}
