package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.job.RunContext;
import io.adlift.steps.evaluate.RegressionMetrics;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Scores the trained model on the held-out test rows (and, for reference, on the training rows),
 * and stores the metrics, from which {@code deploy} applies the definition's gate.
 */
final class EvaluateTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final ModelRows rows;
    private final ModelFiles files;
    private final MetricsTable metrics;

    EvaluateTasklet(PipelineCatalog catalog, ModelRows rows, ModelFiles files, MetricsTable metrics) {
        this.catalog = catalog;
        this.rows = rows;
        this.files = files;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        Path dir = files.runDir(run.pipeline().name(), run.jobInstanceId());
        FeatureEncoding encoding = files.readEncoding(dir);
        String target = run.pipeline().definition().target();
        RegressionMetrics test;
        try (TrainedModel model = TrainedModel.loadJson(dir.resolve(ModelFiles.MODEL), encoding.names())) {
            test = score(model, encoding, target, rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TEST));
            metrics.replace(run, "train",
                    score(model, encoding, target, rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TRAIN)).asMap());
        }
        metrics.replace(run, "test", test.asMap());
        contribution.getStepExecution().setReadCount(test.count());
        return RepeatStatus.FINISHED;
    }

    private static RegressionMetrics score(TrainedModel model, FeatureEncoding encoding, String target,
            List<Function<String, Object>> part) {
        if (part.isEmpty()) {
            throw new IllegalStateException("no rows to evaluate on: raise steps.split.test-fraction or add data");
        }
        FeatureMatrix x = ModelRows.matrix(encoding, part);
        return RegressionMetrics.of(ModelRows.labels(target, part), model.predict(x));
    }
}
