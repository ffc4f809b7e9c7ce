package io.adlift.steps.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The columns one source table declares, in the order Adlift stores them. */
public record SourceSchema(String source, List<ColumnSpec> columns) {

    public SourceSchema {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("source '" + source + "' declares no columns");
        }
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The column named {@code name}, or an error listing the declared ones. */
    public ColumnSpec require(String name) {
        return column(name).orElseThrow(() -> new IllegalArgumentException(
                "source '" + source + "' has no column '" + name + "'; declared columns: " + names()));
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
