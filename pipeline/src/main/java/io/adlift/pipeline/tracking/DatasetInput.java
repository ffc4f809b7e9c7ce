package io.adlift.pipeline.tracking;

import io.adlift.steps.ingest.ColumnSpec;
import io.adlift.steps.ingest.SourceSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
     * its digest that of the input fingerprint, the part and its row count, its source the input file, its schema the source's columns as
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
        // MLflow's datasets have no description of their own; its UI shows the profile, so the description goes there
        profile.put("description", "The " + part + " part of the clean rows of source '" + schema.source() + "' ("
                + rows + " rows), split from " + file.getFileName() + " by the pipeline's split step");
        return new DatasetInput(pipeline + "." + schema.source() + "." + part, digest(fingerprint, part, rows), "local",
                JSON.writeValueAsString(Map.of("uri", file.toAbsolutePath().toString())),
                JSON.writeValueAsString(Map.of("mlflow_colspec", columns)), JSON.writeValueAsString(profile), context);
    }

    /**
     * The part's digest: of the input fingerprint, the part and its row count. Both parts come from the same files, so
     * the fingerprint alone gave the train and test sets one digest; the split is deterministic, so these three name
     * the rows a part holds.
     */
    static String digest(String fingerprint, String part, long rows) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (fingerprint + "\n" + part + "\n" + rows).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, MAX_DIGEST);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
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
