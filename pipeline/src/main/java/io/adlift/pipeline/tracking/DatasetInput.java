package io.adlift.pipeline.tracking;

import io.adlift.steps.ingest.ColumnSpec;
import io.adlift.steps.ingest.SourceSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset a run used, as MLflow's log-inputs describes one: a name, a digest (MLflow keeps at most 36
 * characters), where it came from, its schema and profile as JSON, and the context it was used in
 * ({@code training}, {@code evaluation}).
 */
public record DatasetInput(String name, String digest, String sourceType, String source, String schema, String profile,
        String context) {

    /** MLflow's MAX_DATASET_DIGEST_SIZE. */
    static final int MAX_DIGEST = 36;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DatasetInput {
        if (digest.length() > MAX_DIGEST) {
            digest = digest.substring(0, MAX_DIGEST);
        }
    }

    /**
     * One part ({@code train}, {@code test}) of a source's clean rows: named {@code <pipeline>.<source>.<part>},
     * its digest the input fingerprint, its source the input file, its schema the source's columns as
     * MLflow column specs, its profile the number of rows.
     */
    public static DatasetInput ofSplit(String pipeline, SourceSchema schema, Path file, String fingerprint, String part,
            long rows, String context) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("type", mlflowType(c));
            column.put("name", c.name());
            column.put("required", c.required());
            columns.add(column);
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("num_rows", rows);
        profile.put("num_elements", rows * columns.size());
        return new DatasetInput(pipeline + "." + schema.source() + "." + part, fingerprint, "local",
                JSON.writeValueAsString(Map.of("uri", file.toAbsolutePath().toString())),
                JSON.writeValueAsString(Map.of("mlflow_colspec", columns)), JSON.writeValueAsString(profile), context);
    }

    private static String mlflowType(ColumnSpec column) {
        return switch (column.type()) {
            case INTEGER -> "long";
            case DECIMAL -> "double";
            case BOOLEAN -> "boolean";
            case DATE, TIMESTAMP -> "datetime";
            default -> "string";
        };
    }
}
