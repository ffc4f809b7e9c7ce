package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.job.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.pipeline.tracking.RunTracking;
import io.adlift.steps.kpi.KpiRatios;
import io.adlift.steps.kpi.KpiTotals;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the definition's KPI tables for the run's business date: sums by grain in SQL, ratios by
 * {@link KpiRatios}. The date's previous rows are deleted in the same transaction, so the tables hold
 * exactly one result per pipeline, date and grain, whatever the number of runs.
 */
final class KpiTasklet implements Tasklet {

    private static final String MEASURES = "impressions, clicks, spend, conversions, approved_conversions, revenue, "
            + "ctr, cpc, cpm, cvr, cpa, cost_per_approved, roas, roi";

    private final PipelineCatalog catalog;
    private final JdbcTemplate jdbc;

    KpiTasklet(PipelineCatalog catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        PipelineDefinition.Kpi kpi = run.pipeline().steps().kpi();
        if (kpi == null) {
            return RepeatStatus.FINISHED;
        }
        SourceTables tables = SourceTables.of(run.pipeline()).get(run.pipeline().resolveSource(kpi.source()));
        for (String name : kpi.tables()) {
            KpiTable table = KpiTable.named(name);
            int written = write(contribution, run, kpi, tables, table);
            contribution.incrementWriteCount(written);
            contribution.getStepExecution().getExecutionContext().putLong("kpi." + table.table() + ".rows", written);
        }
        return RepeatStatus.FINISHED;
    }

    private int write(StepContribution contribution, RunContext run, PipelineDefinition.Kpi kpi, SourceTables tables,
            KpiTable table) {
        Map<String, String> grainColumns = grainColumns(kpi.columns());
        String grainSelect = table.grain().stream()
                .map(g -> "COALESCE(CAST(s." + tables.column(grainColumns.get(g)) + " AS VARCHAR(200)), '') AS " + g)
                .collect(Collectors.joining(", "));
        String groupBy = table.grain().stream().map(g -> "s." + tables.column(grainColumns.get(g)))
                .collect(Collectors.joining(", "));
        PipelineDefinition.KpiColumns c = kpi.columns();
        String sql = "SELECT " + grainSelect
                + ", SUM(s." + tables.column(c.impressions()) + ") AS impressions"
                + ", SUM(s." + tables.column(c.clicks()) + ") AS clicks"
                + ", SUM(s." + tables.column(c.spend()) + ") AS spend"
                + ", SUM(s." + tables.column(c.conversions()) + ") AS conversions"
                + ", SUM(s." + tables.column(c.approvedConversions()) + ") AS approved_conversions"
                + " FROM " + tables.clean() + " s WHERE s.job_instance_id = ? GROUP BY " + groupBy;
        Timestamp now = Timestamp.from(Instant.now());
        String mlflowRunId = RunTracking.runId(contribution.getStepExecution().getJobExecution());
        List<Object[]> rows = jdbc.query(sql, (rs, i) -> row(rs, table, kpi.valuePerApprovedConversion(), run, mlflowRunId,
                now), run.jobInstanceId());
        jdbc.update("DELETE FROM " + table.table() + " WHERE pipeline = ? AND business_date = ?", run.pipeline().name(),
                Date.valueOf(run.businessDate()));
        String columns = "pipeline, business_date, " + String.join(", ", table.grain()) + ", " + MEASURES
                + ", job_execution_id, mlflow_run_id, computed_at";
        int count = columns.split(",").length;
        jdbc.batchUpdate("INSERT INTO " + table.table() + " (" + columns + ") VALUES (?" + ", ?".repeat(count - 1) + ")",
                rows);
        return rows.size();
    }

    private static Object[] row(ResultSet rs, KpiTable table, Double valuePerApproved, RunContext run, String mlflowRunId,
            Timestamp now)
            throws SQLException {
        long approved = rs.getLong("approved_conversions");
        KpiTotals totals = new KpiTotals(rs.getLong("impressions"), rs.getLong("clicks"), rs.getDouble("spend"),
                rs.getLong("conversions"), approved, valuePerApproved == null ? null : approved * valuePerApproved);
        KpiRatios r = KpiRatios.of(totals);
        List<Object> values = new ArrayList<>();
        values.add(run.pipeline().name());
        values.add(Date.valueOf(run.businessDate()));
        for (String g : table.grain()) {
            values.add(rs.getString(g));
        }
        values.addAll(java.util.Arrays.asList(totals.impressions(), totals.clicks(), totals.spend(), totals.conversions(),
                totals.approvedConversions(), totals.revenue(), r.ctr(), r.cpc(), r.cpm(), r.cvr(), r.cpa(),
                r.costPerApproved(), r.roas(), r.roi(), run.jobExecutionId(), mlflowRunId, now));
        return values.toArray();
    }

    private static Map<String, String> grainColumns(PipelineDefinition.KpiColumns c) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("campaign_id", c.campaignId());
        m.put("age", c.age());
        m.put("gender", c.gender());
        m.put("interest", c.interest());
        return m;
    }
}
