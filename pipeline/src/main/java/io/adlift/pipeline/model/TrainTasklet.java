package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.progress.ProgressDisplay;
import io.adlift.pipeline.tracking.RunTracking;
import io.adlift.pipeline.tracking.TrackedRun;
import io.adlift.pipeline.tracking.TrainingCurves;
import io.adlift.pipeline.definition.PipelineKind;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.split.SplitLabel;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Fits the feature encoding and the model on the training rows only, and saves both in the run's
 * folder. Tracks the training rows as the run's {@code training} dataset and the training curve as a
 * metric per boosting round.
 */
final class TrainTasklet implements Tasklet {

    private final PipelineCatalog catalog;
    private final StrategyRegistry<Trainer> trainers;
    private final ModelRows rows;
    private final ModelFiles files;
    private final RunTracking tracking;
    private final ProgressDisplay progress;
    private final TrialTable trialTable;

    TrainTasklet(PipelineCatalog catalog, StrategyRegistry<Trainer> trainers, ModelRows rows, ModelFiles files,
            RunTracking tracking, ProgressDisplay progress, TrialTable trialTable) {
        this.catalog = catalog;
        this.trainers = trainers;
        this.rows = rows;
        this.files = files;
        this.tracking = tracking;
        this.progress = progress;
        this.trialTable = trialTable;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution.getStepExecution(), catalog);
        PipelineDefinition.Train settings = run.pipeline().steps().train();
        List<Function<String, Object>> training = rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TRAIN);
        if (training.isEmpty()) {
            throw new IllegalStateException("no training rows: every clean row fell in the test part or was rejected");
        }
        TrackedRun tracked = tracking.of(contribution.getStepExecution());
        tracked.logDatasets(List.of(SplitPartDataset.of(run, contribution, SplitLabel.TRAIN, training.size(), "training")));
        float[] labels = ModelRows.labels(run.pipeline().definition().target(), training);
        if (run.pipeline().definition().kind() == PipelineKind.CLASSIFICATION) {
            requireBinary(run.pipeline().definition().target(), labels);
        }
        ModelRecipe recipe = settings.search() == null ? new ModelRecipe(run.pipeline())
                : new ModelRecipe(run.pipeline(), search(run, contribution, tracked, training, labels));
        FeatureEncoding encoding = recipe.fitEncoding(training, labels);
        FeatureMatrix x = ModelRows.matrix(encoding, training);
        ModelSpec spec = recipe.spec(encoding);
        Path dir = files.runDir(run.pipeline().name(), run.jobInstanceId());
        files.writeChoice(dir, recipe.choice());
        // The test rows are watched for the validation curve only: the rounds were chosen before (definition or search),
        // nothing stops early on them, so the gate's test figures stay unseen by training.
        List<Function<String, Object>> watched = ValidationRows.of(rows.load(run.pipeline(), run.jobInstanceId(), SplitLabel.TEST));
        try (TrainedModel model = trainers.get(recipe.choice().strategy()).train(x, labels, spec,
                (round, rounds, metric) -> progress.update("train", round, "rounds", (double) round / rounds),
                ModelRows.matrix(encoding, watched), ModelRows.labels(run.pipeline().definition().target(), watched))) {
            progress.finish("train");
            files.writeEncoding(dir, encoding);
            model.saveJson(dir.resolve(ModelFiles.MODEL));
            List<Double> curve = model.trainingCurve();
            tracked.logMetrics(TrainingCurves.points(model.evalMetricName(), curve, model.validationCurve()));
            if (!curve.isEmpty()) {
                contribution.getStepExecution().getExecutionContext().putDouble("train.final-" + model.evalMetricName(),
                        curve.get(curve.size() - 1));
            }
        }
        contribution.getStepExecution().setReadCount(training.size());
        contribution.getStepExecution().getExecutionContext().putLong("train.rows", training.size());
        contribution.getStepExecution().getExecutionContext().putLong("train.features", encoding.names().size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Searches the candidates on the training rows, records every trial (model_trial, and a child run
     * each in MLflow), and returns the winner with the rounds its folds kept.
     */
    private ModelChoice search(RunContext run, StepContribution contribution, TrackedRun tracked,
            List<Function<String, Object>> training, float[] labels) {
        String metric = run.pipeline().definition().primaryMetric();
        int planned = ModelSearch.plannedTrials(run.pipeline());
        ModelSearch.Outcome outcome = new ModelSearch(trainers).run(run.pipeline(), training, labels,
                trial -> progress.update("train", trial.number(), "trials", Math.min(1.0, (double) trial.number() / planned)));
        progress.finish("train");
        trialTable.replace(run, metric, outcome.trials(), outcome.best().number(),
                RunTracking.runId(contribution.getStepExecution().getJobExecution()));
        for (TrialRecord trial : outcome.trials()) {
            Map<String, String> params = new LinkedHashMap<>(trial.params());
            params.put("candidate", trial.candidate());
            params.put("rounds", Integer.toString(trial.rounds()));
            Map<String, Double> scores = new LinkedHashMap<>();
            trial.scores().forEach((m, s) -> {
                scores.put("cv." + m + "_mean", s.mean());
                scores.put("cv." + m + "_std", s.std());
            });
            scores.put("seconds", trial.seconds());
            tracked.logChildRun("trial " + trial.number() + ": " + trial.candidate(), params, scores,
                    Map.of("adlift.trial", Integer.toString(trial.number()), "adlift.candidate", trial.candidate(),
                            "adlift.chosen", Boolean.toString(trial == outcome.best())));
        }
        ModelChoice choice = outcome.choice();
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("model.candidate", choice.candidate());
        chosen.put("model.strategy", choice.strategy());
        chosen.put("model.rounds", Integer.toString(choice.rounds()));
        chosen.put("model.standardize", Boolean.toString(choice.standardize()));
        choice.params().forEach((k, v) -> chosen.put("model.params." + k, v));
        tracked.logParams(chosen);
        var context = contribution.getStepExecution().getExecutionContext();
        context.putString("train.candidate", choice.candidate());
        context.putInt("train.trials", outcome.trials().size());
        context.putDouble("train.search-" + metric, outcome.best().mean(metric));
        return choice;
    }

    private static void requireBinary(String target, float[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0f && labels[i] != 1f) {
                throw new IllegalStateException("a classification target must be 0 or 1, but '" + target
                        + "' is " + labels[i] + " in training row " + (i + 1) + "; add a range rule (min 0, max 1)");
            }
        }
    }
}
