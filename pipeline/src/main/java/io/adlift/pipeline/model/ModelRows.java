package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.FeatureMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a run's rows of one split part from the model's dataset, in file order, for fitting features and the model. */
final class ModelRows {

    private final JdbcTemplate jdbc;
    private final StrategyRegistry<ModelDataset> datasets;

    ModelRows(JdbcTemplate jdbc, StrategyRegistry<ModelDataset> datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    /** The rows of {@code part}, each a lookup by the dataset's column names. */
    List<Function<String, Object>> load(Pipeline pipeline, long jobInstanceId, SplitLabel part) {
        ModelDataset.Query query = datasets.get(pipeline.steps().train().dataset().strategy()).query(pipeline);
        List<String> columns = query.columns();
        Map<String, Integer> index = new HashMap<>(columns.size() * 2);
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c), c);
        }
        return jdbc.query(query.sql(), (rs, i) -> {
            Object[] values = new Object[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = rs.getObject(c + 1);
            }
            return (Function<String, Object>) name -> {
                Integer c = index.get(name);
                return c == null ? null : values[c];
            };
        }, query.args(jobInstanceId, part.code()));
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
