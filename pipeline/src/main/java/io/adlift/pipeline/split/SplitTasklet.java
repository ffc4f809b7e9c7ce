package io.adlift.pipeline.split;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.job.RunContext;
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
 * Labels every clean row of the run {@code train} or {@code test}. Labels are a function of each
 * row's key and the seed, so re-executing the step (on restart) writes the same labels.
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
        contribution.incrementWriteCount(counts[0] + counts[1]);
        contribution.getStepExecution().getExecutionContext().putLong("split.train", counts[SplitLabel.TRAIN.ordinal()]);
        contribution.getStepExecution().getExecutionContext().putLong("split.test", counts[SplitLabel.TEST.ordinal()]);
        return RepeatStatus.FINISHED;
    }
}
