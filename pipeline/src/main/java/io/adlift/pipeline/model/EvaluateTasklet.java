package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.job.RunContext;
import io.adlift.pipeline.tracking.Csv;
import io.adlift.pipeline.tracking.RunTracking;
import io.adlift.pipeline.tracking.TrackedRun;
import io.adlift.steps.evaluate.RegressionMetrics;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Scores the trained model on the held-out test rows (and, for reference, on the training rows),
 * and stores the metrics, from which {@code deploy} applies the definition's gate. Tracks the test rows as
 * the run's {@code evaluation} dataset, the metrics, and the test rows exactly as the model saw them
 * ({@code evaluation/test_features.csv}, one column per feature) with the labels and the model's
 * predictions in the same order ({@code evaluation/predictions.csv}), so that anyone can check the
 * model against them.
 */
final class EvaluateTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final ModelRows rows;
    private final ModelFiles files;
    private final MetricsTable metrics;
    private final RunTracking tracking;

    EvaluateTasklet(PipelineCatalog catalog, ModelRows rows, ModelFiles files, MetricsTable metrics, RunTracking tracking) {
        this.catalog = catalog;
        this.rows = rows;
        this.files = files;
        this.metrics = metrics;
        this.tracking = tracking;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        Path dir = files.runDir(run.pipeline().name(), run.jobInstanceId());
        FeatureEncoding encoding = files.readEncoding(dir);
        String target = run.pipeline().definition().target();
        List<Function<String, Object>> testRows = rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TEST);
        if (testRows.isEmpty()) {
            throw new IllegalStateException("no rows to evaluate on: raise steps.split.test-fraction or add data");
        }
        FeatureMatrix x = ModelRows.matrix(encoding, testRows);
        files.writeInputExample(dir, x);
        float[] actual = ModelRows.labels(target, testRows);
        float[] predicted;
        RegressionMetrics train;
        try (TrainedModel model = TrainedModel.loadJson(dir.resolve(ModelFiles.MODEL), encoding.names())) {
            predicted = model.predict(x);
            train = score(model, encoding, target, rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TRAIN));
        }
        RegressionMetrics test = RegressionMetrics.of(actual, predicted);
        metrics.replace(run, "train", train.asMap());
        metrics.replace(run, "test", test.asMap());

        TrackedRun tracked = tracking.of(contribution.getStepExecution());
        tracked.logDatasets(List.of(TrainTasklet.dataset(run, contribution, SplitLabel.TEST, testRows.size(), "evaluation")));
        List<TrackedRun.Metric> points = new ArrayList<>();
        long now = System.currentTimeMillis();
        Map.of("test", test.asMap(), "train", train.asMap()).forEach((split, values) ->
                values.forEach((k, v) -> points.add(new TrackedRun.Metric(split + "." + k, v, now, 0))));
        tracked.logMetrics(points);
        tracked.logArtifact("evaluation/test_features.csv", features(x));
        tracked.logArtifact("evaluation/predictions.csv", predictions(actual, predicted));
        contribution.getStepExecution().setReadCount(test.count());
        return RepeatStatus.FINISHED;
    }

    /** The matrix as CSV, header = feature names; a missing value (NaN) is an empty field, as pandas reads it. */
    private static byte[] features(FeatureMatrix x) {
        List<List<String>> lines = new ArrayList<>(x.rows());
        float[] v = x.values();
        for (int r = 0; r < x.rows(); r++) {
            List<String> line = new ArrayList<>(x.columns());
            for (int c = 0; c < x.columns(); c++) {
                line.add(number(v[r * x.columns() + c]));
            }
            lines.add(line);
        }
        return Csv.of(x.featureNames(), lines);
    }

    private static byte[] predictions(float[] actual, float[] predicted) {
        List<List<String>> lines = new ArrayList<>(actual.length);
        for (int i = 0; i < actual.length; i++) {
            lines.add(List.of(number(actual[i]), number(predicted[i])));
        }
        return Csv.of(List.of("actual", "predicted"), lines);
    }

    /** The shortest decimal that reads back as the same float: the file holds exactly what the model saw. */
    private static String number(float value) {
        return Float.isNaN(value) ? "" : Float.toString(value);
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
