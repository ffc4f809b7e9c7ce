package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.evaluate.ConformalInterval;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.TrainedModel;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a trained model tells beyond its metrics, written for the run's business date like KPI rows:
 * every row's prediction ({@code model_prediction}, keyed by the split key, with a regression model's
 * conformal interval), and a classifier's spend
 * forecast ({@code kpi_lift_forecast}).
 */
final class ModelOutputs {

    private final JdbcTemplate jdbc;
    private final RunContext run;
    private final String mlflowRunId;
    private final Timestamp now = Timestamp.from(Instant.now());

    ModelOutputs(JdbcTemplate jdbc, RunContext run, String mlflowRunId) {
        this.jdbc = jdbc;
        this.run = run;
        this.mlflowRunId = mlflowRunId;
    }

    /** Every row's prediction, with the interval's bounds when {@code interval} is a bounded one. */
    void writePredictions(TrainedModel model, FeatureEncoding encoding, Map<SplitLabel, List<Function<String, Object>>> parts,
            ConformalInterval interval) {
        boolean bounded = interval != null && Double.isFinite(interval.halfWidth());
        List<String> key = run.pipeline().steps().split().key();
        String target = run.pipeline().definition().target();
        List<Object[]> rows = new ArrayList<>();
        parts.forEach((part, partRows) -> {
            float[] predicted = model.predict(ModelRows.matrix(encoding, partRows));
            for (int i = 0; i < predicted.length; i++) {
                Function<String, Object> row = partRows.get(i);
                Object actual = row.apply(target);
                rows.add(new Object[] {run.pipeline().name(), Date.valueOf(run.businessDate()),
                    key.stream().map(k -> String.valueOf(row.apply(k))).collect(Collectors.joining("|")), part.code(),
                    actual instanceof Number n ? n.doubleValue() : null, (double) predicted[i],
                    bounded ? interval.lower(predicted[i]) : null, bounded ? interval.upper(predicted[i]) : null,
                    run.jobExecutionId(), mlflowRunId, now});
            }
        });
        deleteDate("model_prediction");
        jdbc.batchUpdate("INSERT INTO model_prediction (pipeline, business_date, row_key, data_split, actual, prediction, "
                + "prediction_lower, prediction_upper, job_execution_id, mlflow_run_id, computed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Predicted conversions with the spend column raised by each increase, against as it is; extra
     * revenue at the average value of a conversion, extra spend on the spend of the source declaring
     * the column (counted once per row there, not once per modelled row).
     */
    void writeForecast(TrainedModel model, FeatureEncoding encoding, List<Function<String, Object>> rows,
            PipelineDefinition.Forecast forecast) {
        double base = sum(model.predict(ModelRows.matrix(encoding, rows)));
        Double value = jdbc.queryForObject("SELECT AVG(CAST(" + column(forecast.valueSource(), forecast.valueColumn())
                + " AS DOUBLE PRECISION)) FROM " + tables(forecast.valueSource()).clean() + " WHERE job_instance_id = ?",
                Double.class, run.jobInstanceId());
        double perConversion = value == null ? 0 : value;
        double spend = spend(forecast.spendColumn());
        List<Object[]> out = new ArrayList<>();
        for (double increase : forecast.increases()) {
            List<Function<String, Object>> raised = rows.stream().map(row -> raise(row, forecast.spendColumn(), increase))
                    .toList();
            double predicted = sum(model.predict(ModelRows.matrix(encoding, raised)));
            double extraConversions = predicted - base;
            double extraSpend = spend * increase;
            double extraRevenue = extraConversions * perConversion;
            out.add(new Object[] {run.pipeline().name(), Date.valueOf(run.businessDate()), increase, extraSpend, predicted,
                extraConversions, extraRevenue, extraSpend > 0 ? extraRevenue / extraSpend : null, run.jobExecutionId(),
                mlflowRunId, now});
        }
        deleteDate("kpi_lift_forecast");
        jdbc.batchUpdate("INSERT INTO kpi_lift_forecast (pipeline, business_date, spend_increase, extra_spend, "
                + "predicted_conversions, extra_conversions, extra_revenue, incremental_roas, job_execution_id, "
                + "mlflow_run_id, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", out);
    }

    private static Function<String, Object> raise(Function<String, Object> row, String column, double increase) {
        return name -> {
            Object v = row.apply(name);
            return name.equals(column) && v instanceof Number n ? n.doubleValue() * (1 + increase) : v;
        };
    }

    private double spend(String column) {
        for (String source : run.pipeline().sourceNames()) {
            if (run.pipeline().schema(source).names().contains(column)) {
                Double total = jdbc.queryForObject("SELECT SUM(CAST(" + column(source, column) + " AS DOUBLE PRECISION)) FROM "
                        + tables(source).clean() + " WHERE job_instance_id = ?", Double.class, run.jobInstanceId());
                return total == null ? 0 : total;
            }
        }
        return 0;
    }

    private SourceTables tables(String source) {
        return SourceTables.of(run.pipeline()).get(source);
    }

    private String column(String source, String column) {
        return tables(source).column(column);
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }

    private void deleteDate(String table) {
        jdbc.update("DELETE FROM " + table + " WHERE pipeline = ? AND business_date = ?", run.pipeline().name(),
                Date.valueOf(run.businessDate()));
    }
}
