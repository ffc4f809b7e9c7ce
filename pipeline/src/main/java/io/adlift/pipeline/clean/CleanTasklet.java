package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.job.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies the definition's cleaning rules in order, then copies the rows no rule rejected into the
 * clean table. It runs in one transaction, so a failure leaves nothing half-cleaned and a restart
 * starts over from the staged rows.
 */
final class CleanTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final StrategyRegistry<CleaningRule> rules;
    private final JdbcTemplate jdbc;

    CleanTasklet(PipelineCatalog catalog, StrategyRegistry<CleaningRule> rules, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        List<PipelineDefinition.CleanRule> declared = run.pipeline().steps().clean() == null ? List.of()
                : run.pipeline().steps().clean().rules();
        for (SourceTables tables : SourceTables.of(run.pipeline()).values()) {
            String source = tables.schema().source();
            CleanPass pass = new CleanPass(run, tables, jdbc);
            jdbc.update("DELETE FROM ingest_reject WHERE job_instance_id = ? AND step = 'clean' AND source = ?",
                    run.jobInstanceId(), source);
            jdbc.update("DELETE FROM " + tables.clean() + " WHERE job_instance_id = ?", run.jobInstanceId());
            long rejected = 0;
            for (PipelineDefinition.CleanRule rule : declared) {
                if (source.equals(run.pipeline().resolveSource(rule.source()))) {
                    rejected += rules.get(rule.rule()).reject(pass, rule);
                }
            }
            String columns = String.join(", ", tables.columns());
            long kept = jdbc.update("INSERT INTO " + tables.clean() + " (job_instance_id, source_file, source_line, "
                    + columns + ") SELECT s.job_instance_id, s.source_file, s.source_line, " + columns + " FROM "
                    + tables.staging() + " s WHERE s.job_instance_id = ? AND " + pass.notRejected("s"),
                    run.jobInstanceId(), source);
            // Read = staged rows considered; the API only counts reads one by one.
            contribution.getStepExecution().setReadCount(contribution.getStepExecution().getReadCount() + kept + rejected);
            contribution.incrementWriteCount(kept);
            contribution.incrementFilterCount(rejected);
            contribution.getStepExecution().getExecutionContext().putLong("clean." + source + ".kept", kept);
            contribution.getStepExecution().getExecutionContext().putLong("clean." + source + ".rejected", rejected);
        }
        return RepeatStatus.FINISHED;
    }
}
