package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run's KPI writing: its clean tables, and the lineage every KPI row carries (pipeline, business
 * date, job execution, MLflow run, time).
 */
record KpiRun(RunContext run, PipelineDefinition.Kpi settings, JdbcTemplate jdbc, String mlflowRunId,
        Timestamp computedAt) {

    private static final String LINEAGE = "pipeline, business_date, job_execution_id, mlflow_run_id, computed_at";

    /**
     * SUM of a money column, exact and independent of row order: floating-point sums vary in their last
     * digits with the order PostgreSQL reads rows in (parallel scans), and KPI rows must not change when
     * the same data runs again.
     */
    static String exactSum(String expression) {
        return "CAST(SUM(CAST(" + expression + " AS DECIMAL(38, 12))) AS DOUBLE PRECISION)";
    }

    SourceTables tables(String source) {
        return SourceTables.of(run.pipeline()).get(source);
    }

    /** The quoted SQL name of {@code column} of {@code source}, for SQL on its clean table. */
    String column(String source, String column) {
        return tables(source).column(column);
    }

    long jobInstanceId() {
        return run.jobInstanceId();
    }

    /**
     * Replaces the business date's rows of {@code table} by the rows of {@code select}, whose columns
     * come in the order of {@code columns}; {@code args} bind its parameters. The lineage values are
     * put at the head of its select list, not around it, so its columns need no unique names.
     */
    int replace(String table, List<String> columns, String select, Object... args) {
        if (!select.startsWith("SELECT ")) {
            throw new IllegalArgumentException("a KPI query must start with 'SELECT ': " + select);
        }
        delete(table);
        List<Object> all = new ArrayList<>(lineage());
        all.addAll(List.of(args));
        return jdbc.update("INSERT INTO " + table + " (" + LINEAGE + ", " + String.join(", ", columns) + ") "
                + "SELECT CAST(? AS VARCHAR(100)), CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), "
                + "CAST(? AS TIMESTAMP), " + select.substring("SELECT ".length()), all.toArray());
    }

    /** Replaces the business date's rows of {@code table} by {@code rows}, values in the order of {@code columns}. */
    int replaceRows(String table, List<String> columns, List<Object[]> rows) {
        delete(table);
        List<Object> lineage = lineage();
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<Object> values = new ArrayList<>(lineage);
            values.addAll(java.util.Arrays.asList(row));
            args.add(values.toArray());
        }
        int count = 5 + columns.size();
        jdbc.batchUpdate("INSERT INTO " + table + " (" + LINEAGE + ", " + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(count - 1) + ")", args);
        return rows.size();
    }

    private void delete(String table) {
        jdbc.update("DELETE FROM " + table + " WHERE pipeline = ? AND business_date = ?", run.pipeline().name(),
                Date.valueOf(run.businessDate()));
    }

    private List<Object> lineage() {
        return new ArrayList<>(java.util.Arrays.asList(run.pipeline().name(), Date.valueOf(run.businessDate()),
                run.jobExecutionId(), mlflowRunId, computedAt));
    }
}
