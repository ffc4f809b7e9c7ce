package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/** Reads a run's rows of one split part from the model's dataset, in file order, for fitting features and the model. */
final class ModelRows {

    /**
     * Rows the driver fetches at a time. PostgreSQL's driver otherwise reads the whole result into
     * memory before the first row; the steps run inside a transaction, which a cursor needs.
     */
    static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate cursor;
    private final StrategyRegistry<ModelDataset> datasets;

    /** The dataset the pipeline's model rows come from. */
    ModelDataset dataset(Pipeline pipeline) {
        return datasets.get(pipeline.steps().train().dataset().strategy());
    }

    ModelRows(JdbcTemplate jdbc, StrategyRegistry<ModelDataset> datasets) {
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH_SIZE);
        this.datasets = datasets;
    }

    /**
     * The rows of {@code part}, each a lookup by the dataset's column names, held column by column
     * ({@link ColumnarRows}) and read through a cursor, so neither the driver nor the list holds an
     * object per row.
     */
    List<Function<String, Object>> load(Pipeline pipeline, long jobInstanceId, SplitLabel part) {
        ModelDataset.Query query = datasets.get(pipeline.steps().train().dataset().strategy()).query(pipeline);
        ResultSetExtractor<ColumnarRows> columnar = rs -> ColumnarRows.read(rs, query.columns());
        return cursor.query(query.sql(), columnar, query.args(jobInstanceId, part.code()));
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
