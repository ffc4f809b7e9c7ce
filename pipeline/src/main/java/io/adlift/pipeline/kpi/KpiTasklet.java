package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.tracking.KpiMetrics;
import io.adlift.pipeline.tracking.RunTracking;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the definition's KPI set for the run's business date. Each set deletes the date's previous
 * rows in the same transaction, so the tables hold exactly one result per pipeline, date and grain,
 * whatever the number of runs.
 */
final class KpiTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final StrategyRegistry<KpiSet> sets;
    private final JdbcTemplate jdbc;
    private final RunTracking tracking;

    KpiTasklet(PipelineCatalog catalog, StrategyRegistry<KpiSet> sets, JdbcTemplate jdbc, RunTracking tracking) {
        this.tracking = tracking;
        this.catalog = catalog;
        this.sets = sets;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        PipelineDefinition.Kpi kpi = run.pipeline().steps().kpi();
        if (kpi == null) {
            return RepeatStatus.FINISHED;
        }
        KpiRun kpiRun = new KpiRun(run, kpi, jdbc, RunTracking.runId(contribution.getStepExecution().getJobExecution()),
                Timestamp.from(Instant.now()));
        Map<String, Integer> written = sets.get(kpi.set()).write(kpiRun);
        written.forEach((table, rows) -> {
            contribution.incrementWriteCount(rows);
            contribution.getStepExecution().getExecutionContext().putLong("kpi." + table + ".rows", rows);
        });
        tracking.of(contribution.getStepExecution()).logMetrics(new KpiMetrics(jdbc).points(run.pipeline().name(),
                run.businessDate(), List.copyOf(written.keySet())));
        return RepeatStatus.FINISHED;
    }
}
