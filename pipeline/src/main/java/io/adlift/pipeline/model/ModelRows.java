package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.ingest.ColumnSpec;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.FeatureMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a run's clean rows of one split part, in file order, for fitting features and the model. */
final class ModelRows {

    private final JdbcTemplate jdbc;

    ModelRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of {@code part}, each a lookup by source column name. */
    List<Function<String, Object>> load(Pipeline pipeline, long jobInstanceId, SplitLabel part) {
        SourceTables tables = SourceTables.of(pipeline).get(pipeline.resolveSource(pipeline.steps().split().source()));
        List<ColumnSpec> columns = tables.schema().columns();
        return jdbc.query("SELECT " + String.join(", ", tables.columns()) + " FROM " + tables.clean()
                + " WHERE job_instance_id = ? AND data_split = ? ORDER BY source_file, source_line", (rs, i) -> {
                    Map<String, Object> row = new HashMap<>(columns.size() * 2);
                    for (int c = 0; c < columns.size(); c++) {
                        row.put(columns.get(c).name(), rs.getObject(c + 1));
                    }
                    return (Function<String, Object>) row::get;
                }, jobInstanceId, part.code());
    }

    static FeatureMatrix matrix(FeatureEncoding encoding, List<Function<String, Object>> rows) {
        List<String> names = encoding.names();
        float[] values = new float[rows.size() * names.size()];
        int offset = 0;
        for (Function<String, Object> row : rows) {
            offset = encoding.encode(row, values, offset);
        }
        return new FeatureMatrix(names, rows.size(), values);
    }

    static float[] labels(String target, List<Function<String, Object>> rows) {
        float[] labels = new float[rows.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Object value = rows.get(i).apply(target);
            if (!(value instanceof Number n)) {
                missing.add(String.valueOf(i));
                continue;
            }
            labels[i] = n.floatValue();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " clean rows have no numeric target '" + target
                    + "'; add it to a 'required' cleaning rule");
        }
        return labels;
    }
}
