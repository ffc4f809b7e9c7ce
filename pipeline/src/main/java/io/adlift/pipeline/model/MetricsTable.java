package io.adlift.pipeline.model;

import io.adlift.pipeline.run.RunContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code model_metric}: each run's evaluation metrics, per data split. */
public final class MetricsTable {

    private final JdbcTemplate jdbc;

    public MetricsTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(RunContext run, String split, Map<String, Double> metrics) {
        jdbc.update("DELETE FROM model_metric WHERE job_instance_id = ? AND data_split = ?", run.jobInstanceId(), split);
        Timestamp now = Timestamp.from(Instant.now());
        metrics.forEach((metric, value) -> jdbc.update("INSERT INTO model_metric (pipeline, job_instance_id, "
                        + "job_execution_id, data_split, metric, metric_value, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                run.pipeline().name(), run.jobInstanceId(), run.jobExecutionId(), split, metric,
                Double.isNaN(value) ? null : value, now));
    }

    /** The metrics of a job instance as {@code <split>.<metric>}, in a stable order. */
    public Map<String, Double> of(long jobInstanceId) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        jdbc.query("SELECT data_split, metric, metric_value FROM model_metric WHERE job_instance_id = ? "
                        + "ORDER BY data_split, metric",
                rs -> {
                    double v = rs.getDouble(3);
                    metrics.put(rs.getString(1) + "." + rs.getString(2), rs.wasNull() ? Double.NaN : v);
                }, jobInstanceId);
        return metrics;
    }
}
