package io.adlift.pipeline.split;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.split.Splitter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes sure every clean row of the run is labelled {@code train} or {@code test}, and counts both.
 * Ingest labels the rows of the split's source as it stages them (clean copies the label), so
 * normally this only counts; rows staged without a label (by an older Adlift) are labelled here.
 * Labels are a function of each row's key and the seed, so either way, and on every re-execution,
 * a row gets the same label.
 */
final class SplitTasklet implements Tasklet {

    private static final int BATCH = 1000;

    private final PipelineCatalog catalog;
    private final StrategyRegistry<SplitStrategy> strategies;
    private final JdbcTemplate jdbc;

    SplitTasklet(PipelineCatalog catalog, StrategyRegistry<SplitStrategy> strategies, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.strategies = strategies;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        PipelineDefinition.Split settings = run.pipeline().steps().split();
        Splitter splitter = strategies.get(settings.strategy()).create(settings);
        SourceTables tables = SourceTables.of(run.pipeline()).get(run.pipeline().resolveSource(settings.source()));
        List<String> key = settings.key().stream().map(tables::column).toList();
        Long unlabelled = jdbc.queryForObject("SELECT COUNT(*) FROM " + tables.clean()
                + " WHERE job_instance_id = ? AND data_split IS NULL", Long.class, run.jobInstanceId());
        long[] counts = unlabelled != null && unlabelled > 0 ? label(run, splitter, tables, key) : count(run, tables);
        contribution.incrementWriteCount(counts[0] + counts[1]);
        contribution.getStepExecution().getExecutionContext().putLong("split.train", counts[SplitLabel.TRAIN.ordinal()]);
        contribution.getStepExecution().getExecutionContext().putLong("split.test", counts[SplitLabel.TEST.ordinal()]);
        return RepeatStatus.FINISHED;
    }

    private long[] count(RunContext run, SourceTables tables) {
        long[] counts = new long[2];
        jdbc.query("SELECT data_split, COUNT(*) FROM " + tables.clean() + " WHERE job_instance_id = ? GROUP BY data_split",
                rs -> {
                    counts[SplitLabel.TEST.code().equals(rs.getString(1)) ? SplitLabel.TEST.ordinal()
                            : SplitLabel.TRAIN.ordinal()] += rs.getLong(2);
                }, run.jobInstanceId());
        return counts;
    }

    private long[] label(RunContext run, Splitter splitter, SourceTables tables, List<String> key) {
        jdbc.update("UPDATE " + tables.clean() + " SET data_split = ? WHERE job_instance_id = ?", SplitLabel.TRAIN.code(),
                run.jobInstanceId());
        List<Object[]> tests = new ArrayList<>();
        long[] counts = new long[2];
        String update = "UPDATE " + tables.clean() + " SET data_split = ? WHERE job_instance_id = ? AND source_file = ? "
                + "AND source_line = ?";
        jdbc.query("SELECT source_file, source_line, " + String.join(", ", key) + " FROM " + tables.clean()
                + " WHERE job_instance_id = ?", rs -> {
                    List<Object> keyValues = new ArrayList<>(key.size());
                    for (int i = 0; i < key.size(); i++) {
                        keyValues.add(rs.getObject(3 + i));
                    }
                    SplitLabel label = splitter.label(keyValues);
                    counts[label.ordinal()]++;
                    if (label == SplitLabel.TEST) {
                        tests.add(new Object[] {label.code(), run.jobInstanceId(), rs.getString(1), rs.getLong(2)});
                        if (tests.size() == BATCH) {
                            jdbc.batchUpdate(update, tests);
                            tests.clear();
                        }
                    }
                }, run.jobInstanceId());
        jdbc.batchUpdate(update, tests);
        return counts;
    }
}
