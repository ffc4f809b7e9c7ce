package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.storage.RowSink;
import io.adlift.pipeline.storage.SourceTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies the definition's cleaning rules, then copies the rows no rule rejected into the clean
 * table, in two statements per source whatever the number of rules: one scan of the staged rows
 * records each broken row in the reject table with the first check it breaks ({@link CheckedRows}),
 * and one copies the rest. It runs in one transaction, so a failure leaves nothing half-cleaned and
 * a restart starts over from the staged rows.
 */
final class CleanTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final StrategyRegistry<CleaningRule> rules;
    private final JdbcTemplate jdbc;
    private final RowSink sink;

    CleanTasklet(PipelineCatalog catalog, StrategyRegistry<CleaningRule> rules, JdbcTemplate jdbc, RowSink sink) {
        this.catalog = catalog;
        this.rules = rules;
        this.jdbc = jdbc;
        this.sink = sink;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        List<PipelineDefinition.CleanRule> declared = run.pipeline().steps().clean() == null ? List.of()
                : run.pipeline().steps().clean().rules();
        for (SourceTables tables : SourceTables.of(run.pipeline()).values()) {
            String source = tables.schema().source();
            CleanPass pass = new CleanPass(run, tables);
            jdbc.update("DELETE FROM ingest_reject WHERE job_instance_id = ? AND step = 'clean' AND source = ?",
                    run.jobInstanceId(), source);
            jdbc.update("DELETE FROM " + tables.clean() + " WHERE job_instance_id = ?", run.jobInstanceId());
            List<CleanCheck> checks = new ArrayList<>();
            for (PipelineDefinition.CleanRule rule : declared) {
                if (source.equals(run.pipeline().resolveSource(rule.source()))) {
                    checks.addAll(rules.get(rule.rule()).checks(pass, rule));
                }
            }
            long rejected = checks.isEmpty() ? 0 : reject(run, source, new CheckedRows(tables.staging(), run.jobInstanceId(),
                    checks));
            String columns = String.join(", ", tables.columns());
            long kept = jdbc.update("INSERT INTO " + tables.clean() + " (job_instance_id, source_file, source_line, "
                    + columns + ", data_split) SELECT s.job_instance_id, s.source_file, s.source_line, " + columns
                    + ", s.data_split FROM " + tables.staging() + " s WHERE s.job_instance_id = ? AND NOT EXISTS ("
                    + "SELECT 1 FROM ingest_reject r WHERE r.job_instance_id = s.job_instance_id AND r.file = s.source_file "
                    + "AND r.line = s.source_line AND r.source = ?)",
                    run.jobInstanceId(), source);
            sink.analyze(tables.clean());
            // Read = staged rows considered; the API only counts reads one by one.
            contribution.getStepExecution().setReadCount(contribution.getStepExecution().getReadCount() + kept + rejected);
            contribution.incrementWriteCount(kept);
            contribution.incrementFilterCount(rejected);
            contribution.getStepExecution().getExecutionContext().putLong("clean." + source + ".kept", kept);
            contribution.getStepExecution().getExecutionContext().putLong("clean." + source + ".rejected", rejected);
        }
        return RepeatStatus.FINISHED;
    }

    /** Records every broken row of {@code checked} in the reject table; returns how many. */
    private long reject(RunContext run, String source, CheckedRows checked) {
        List<Object> args = new ArrayList<>(List.of(run.pipeline().name(), run.jobExecutionId(), source));
        String column = checked.column(args);
        String reason = checked.reason(args);
        args.add(Timestamp.from(Instant.now()));
        args.addAll(checked.args());
        return jdbc.update("INSERT INTO ingest_reject (pipeline, job_instance_id, job_execution_id, step, source, file, "
                + "line, column_name, reason, raw_record, rejected_at) SELECT ?, s.job_instance_id, ?, 'clean', ?, "
                + "s.source_file, s.source_line, " + column + ", " + reason + ", NULL, ? FROM (" + checked.sql() + ") s "
                + "WHERE s." + CheckedRows.BROKEN + " IS NOT NULL", args.toArray());
    }
}
