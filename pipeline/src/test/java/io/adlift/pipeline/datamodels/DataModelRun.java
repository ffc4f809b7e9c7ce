package io.adlift.pipeline.datamodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.pipeline.Adlift;
import io.adlift.pipeline.TestDatabase;
import java.nio.file.Path;

/** One generated input and the run of its pipeline on PostgreSQL, for a data model's integration test. */
record DataModelRun(String pipeline, Path input, Adlift.Result result, String businessDate) {

    /** Resets the database, generates {@code rows} of the pipeline's main table (seed 11) and runs it. */
    static DataModelRun generateAndRun(Path dir, String pipeline, long rows, String businessDate) {
        TestDatabase.reset();
        Path input = dir.resolve("in");
        Adlift.Result generated = Adlift.onPostgres(dir).run("generate", pipeline, "--rows", Long.toString(rows), "--seed",
                "11", "--out", input.toString());
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        Adlift.Result result = Adlift.onPostgres(dir).run("run", pipeline, "--input", input.toString(), "--business-date",
                businessDate);
        return new DataModelRun(pipeline, input, result, businessDate);
    }

    /** The run completed, every row of the main table is clean, and nothing was rejected. */
    void assertCompletedWithEveryRowClean(String mainSource, long rows) {
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(cleanRows(mainSource)).isEqualTo(rows);
        assertThat(rejects()).isZero();
    }

    /** The clean rows of {@code source} in this run. */
    long cleanRows(String source) {
        return TestDatabase.count("SELECT COUNT(*) FROM cln_" + pipeline.replace('-', '_') + "_" + source
                + " c JOIN batch_job_execution e ON e.job_instance_id = c.job_instance_id WHERE e.job_execution_id = ?",
                executionId());
    }

    long rejects() {
        return TestDatabase.count("SELECT COUNT(*) FROM ingest_reject r JOIN batch_job_execution e "
                + "ON e.job_instance_id = r.job_instance_id WHERE e.job_execution_id = ?", executionId());
    }

    long executionId() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Run (\\d+) of").matcher(result.out());
        assertThat(m.find()).as("a run summary in: %s", result.all()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A KPI table's rows of this run's business date. */
    java.util.List<java.util.Map<String, Object>> kpis(String table) {
        return TestDatabase.rows("SELECT * FROM " + table + " WHERE business_date = DATE '" + businessDate + "'");
    }

    /** The run's test-split metrics by name. */
    java.util.Map<String, Double> testMetrics() {
        java.util.Map<String, Double> metrics = new java.util.HashMap<>();
        TestDatabase.rows("SELECT m.metric, m.metric_value FROM model_metric m JOIN batch_job_execution e "
                + "ON e.job_instance_id = m.job_instance_id WHERE e.job_execution_id = ? AND m.data_split = 'test'",
                executionId()).forEach(r -> metrics.put((String) r.get("metric"),
                        r.get("metric_value") == null ? null : ((Number) r.get("metric_value")).doubleValue()));
        return metrics;
    }
}
