package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.PipelineKind;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.tracking.Csv;
import io.adlift.pipeline.tracking.RunTracking;
import io.adlift.pipeline.tracking.TrackedRun;
import io.adlift.steps.deploy.RawInputs;
import io.adlift.steps.evaluate.EvaluateInput;
import io.adlift.steps.evaluate.EvaluateResult;
import io.adlift.steps.evaluate.EvaluateStep;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.report.EvaluationReport;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.tune.CrossValidatedScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scores the trained model on the held-out test rows (and, for reference, on the training rows),
 * and stores the metrics, from which {@code deploy} applies the definition's gate. Tracks the test rows as
 * the run's {@code evaluation} dataset, the metrics, and a bounded sample of the test rows exactly as the
 * model saw them ({@code evaluation/test_features.csv}, one column per feature; every k-th row, at most
 * {@link EvaluateStep#MAX_ARTEFACT_ROWS}) with the labels and the model's predictions in the same order
 * ({@code evaluation/predictions.csv}), so that anyone can check the model against them. The scoring
 * itself is {@link EvaluateStep}'s.
 */
final class EvaluateTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final ModelRows rows;
    private static final int INPUT_EXAMPLE_ROWS = 5;

    private final ModelFiles files;
    private final MetricsTable metrics;
    private final RunTracking tracking;

    private final JdbcTemplate jdbc;
    private final ChampionScore champion;
    private final ModelCrossValidation crossValidation;
    private final TrialTable trials;

    EvaluateTasklet(PipelineCatalog catalog, ModelRows rows, ModelFiles files, MetricsTable metrics, RunTracking tracking,
            JdbcTemplate jdbc, ChampionScore champion, ModelCrossValidation crossValidation, TrialTable trials) {
        this.trials = trials;
        this.jdbc = jdbc;
        this.champion = champion;
        this.crossValidation = crossValidation;
        this.catalog = catalog;
        this.rows = rows;
        this.files = files;
        this.metrics = metrics;
        this.tracking = tracking;
    }

    /** The raw records the deployed model's Python flavour takes, typed as these rows say pandas reads them. */
    private RawInputs rawInputs(RunContext run, PipelineDefinition.Evaluate settings, List<Function<String, Object>> testRows,
            List<Function<String, Object>> trainRows) {
        ModelDataset dataset = rows.dataset(run.pipeline());
        List<RawInputs.Field> fields = ModelInputs.of(run.pipeline(), dataset).stream()
                .map(f -> new RawInputs.Field(f.name(), f.type(), f.required(), f.categorical())).toList();
        List<Function<String, Object>> all = new ArrayList<>(testRows);
        all.addAll(trainRows);
        boolean classifier = run.pipeline().definition().kind() == PipelineKind.CLASSIFICATION;
        return RawInputs.of(fields, all, classifier ? "classification" : "regression",
                settings == null ? 0.5 : settings.threshold(), dataset.knownAnswers(), INPUT_EXAMPLE_ROWS);
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
        float[] actual = ModelRows.labels(target, testRows);
        List<Function<String, Object>> trainRows = rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TRAIN);
        PipelineDefinition.Evaluate settings = run.pipeline().steps().evaluate();
        EvaluateResult result;
        try (TrainedModel model = TrainedModel.loadJson(dir.resolve(ModelFiles.MODEL), encoding.names())) {
            result = new EvaluateStep().run(new EvaluateInput(
                    run.pipeline().definition().kind() == PipelineKind.CLASSIFICATION ? EvaluateInput.Task.CLASSIFICATION
                            : EvaluateInput.Task.REGRESSION,
                    model, x, actual, ModelRows.matrix(encoding, trainRows), ModelRows.labels(target, trainRows),
                    settings.threshold(), settings.intervalCoverage()));
            if (settings.writePredictions() || settings.forecast() != null) {
                ModelOutputs outputs = new ModelOutputs(jdbc, run, RunTracking.runId(
                        contribution.getStepExecution().getJobExecution()));
                if (settings.writePredictions()) {
                    outputs.writePredictions(model, encoding, Map.of(SplitLabel.TRAIN, trainRows, SplitLabel.TEST, testRows),
                            result.interval());
                }
                if (settings.forecast() != null) {
                    List<Function<String, Object>> all = new ArrayList<>(trainRows);
                    all.addAll(testRows);
                    outputs.writeForecast(model, encoding, all, settings.forecast());
                }
            }
        }
        files.writeRawInputs(dir, rawInputs(run, settings, testRows, trainRows).withInterval(result.interval()));
        Map<String, Double> test = result.test();
        Map<String, Double> train = result.train();
        List<EvaluationReport.Plot> plots = result.plots();
        metrics.replace(run, "train", train);
        metrics.replace(run, "test", test);
        metrics.replace(run, "champion", settings.champion() == null ? Map.of()
                : champion.score(run, testRows, target, (a, p) -> metrics(run, a, p)).orElse(Map.of()));
        Map<String, CrossValidatedScore> cv = settings.cv() == null ? Map.of()
                : crossValidation.run(run, new ModelRecipe(run.pipeline(), files.readChoice(dir, run.pipeline())),
                        trainRows, testRows);
        Map<String, Double> cvMetrics = cv.isEmpty() ? Map.of() : ModelCrossValidation.flatten(cv);
        metrics.replace(run, "cv", cvMetrics);
        Path reportDir = dir.resolve("report");
        List<Path> reportFiles = new EvaluationReport(run.pipeline().name() + ": run " + run.jobExecutionId() + " of "
                + run.businessDate(), test, cv, trials.of(run.jobInstanceId()), plots).write(reportDir);

        TrackedRun tracked = tracking.of(contribution.getStepExecution());
        tracked.logDatasets(List.of(SplitPartDataset.of(run, contribution, SplitLabel.TEST, testRows.size(), "evaluation")));
        List<TrackedRun.Metric> points = new ArrayList<>();
        long now = System.currentTimeMillis();
        Map.of("test", test, "train", train, "cv", cvMetrics).forEach((split, values) ->
                values.forEach((k, v) -> points.add(new TrackedRun.Metric(split + "." + k, v, now, 0))));
        tracked.logMetrics(points);
        tracked.logArtifact("evaluation/test_features.csv", features(result.sampleFeatures()));
        tracked.logArtifact("evaluation/predictions.csv", predictions(result.sampleLabels(), result.samplePredicted()));
        for (Path file : reportFiles) {
            tracked.logArtifact("report/" + reportDir.relativize(file).toString().replace('\\', '/'), read(file));
        }
        contribution.getStepExecution().setReadCount(testRows.size());
        return RepeatStatus.FINISHED;
    }

    /** The matrix as CSV, header = feature names; a missing value (NaN) is an empty field, as pandas reads it. */
    private static byte[] features(FeatureMatrix x) {
        // Lines are made as the CSV is written, not held: at millions of rows they would be most of the heap.
        float[] v = x.values();
        return Csv.of(x.featureNames(), lines(x.rows(), r -> {
            List<String> line = new ArrayList<>(x.columns());
            for (int c = 0; c < x.columns(); c++) {
                line.add(number(v[r * x.columns() + c]));
            }
            return line;
        }));
    }

    private static byte[] predictions(float[] actual, float[] predicted) {
        return Csv.of(List.of("actual", "predicted"), lines(actual.length,
                i -> List.of(number(actual[i]), number(predicted[i]))));
    }

    private static List<List<String>> lines(int count, java.util.function.IntFunction<List<String>> line) {
        return new java.util.AbstractList<>() {
            @Override
            public List<String> get(int index) {
                return line.apply(index);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** The shortest decimal that reads back as the same float: the file holds exactly what the model saw. */
    private static String number(float value) {
        return Float.isNaN(value) ? "" : Float.toString(value);
    }

    private static byte[] read(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the report file " + file, e);
        }
    }

    private static Map<String, Double> metrics(RunContext run, float[] actual, float[] predicted) {
        return new ModelRecipe(run.pipeline()).metrics(actual, predicted);
    }
}
