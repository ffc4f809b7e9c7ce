package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.PipelineKind;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.steps.evaluate.MetricDirection;
import io.adlift.steps.train.EarlyStopping;
import io.adlift.steps.train.ModelTrainingException;
import io.adlift.steps.train.Trainer;
import io.adlift.steps.tune.CrossValidation;
import io.adlift.steps.tune.RandomSampler;
import io.adlift.steps.tune.Sampler;
import io.adlift.steps.tune.Search;
import io.adlift.steps.tune.TpeSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Model selection in the train step: every candidate's search, each trial scored by k-fold
 * cross-validation on the training rows (features fitted per fold, boosting stopped early on each
 * fold's held-out rows), and the candidate and params with the best mean of the primary metric.
 */
final class ModelSearch {

    private final StrategyRegistry<Trainer> trainers;

    ModelSearch(StrategyRegistry<Trainer> trainers) {
        this.trainers = trainers;
    }

    /** The winner's choice (its rounds the folds' mean) and every trial, in the order they ran. */
    record Outcome(ModelChoice choice, TrialRecord best, List<TrialRecord> trials) {
    }

    Outcome run(Pipeline pipeline, List<Function<String, Object>> rows, float[] labels, Consumer<TrialRecord> listener) {
        PipelineDefinition.Search settings = pipeline.steps().train().search();
        String metric = pipeline.definition().primaryMetric();
        List<SearchCandidate> candidates = SearchCandidate.of(pipeline);
        Duration perCandidate = settings.timeBudgetSeconds() <= 0 ? null
                : Duration.ofSeconds(settings.timeBudgetSeconds()).dividedBy(candidates.size());
        CrossValidation cv = new CrossValidation(settings.folds(), settings.repeats(), settings.seed());
        EarlyStopping stopping = new EarlyStopping(settings.earlyStopping(),
                pipeline.definition().kind() == PipelineKind.CLASSIFICATION ? EarlyStopping::logLoss : EarlyStopping::rmse);
        List<TrialRecord> trials = new ArrayList<>();
        int[] sample = io.adlift.steps.tune.Folds.sample(rows.size(), settings.sampleRows(), settings.seed());
        List<Function<String, Object>> searchRows = new ArrayList<>(sample.length);
        float[] searchLabels = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            searchRows.add(rows.get(sample[i]));
            searchLabels[i] = labels[sample[i]];
        }
        for (SearchCandidate candidate : candidates) {
            Trainer trainer = trainers.get(candidate.strategy());
            Search search = new Search(sampler(settings), candidate.space(), settings.trials(), perCandidate);
            search.run(params -> {
                TrialRecord trial = trial(pipeline, candidate, params, trials.size() + 1, cv, trainer, stopping, searchRows,
                        searchLabels);
                trials.add(trial);
                listener.accept(trial);
                return MetricDirection.asLoss(metric, trial.mean(metric));
            }, Search.TrialListener.NONE);
        }
        TrialRecord best = trials.stream().filter(t -> Double.isFinite(t.mean(metric)))
                .min(Comparator.comparingDouble((TrialRecord t) -> MetricDirection.asLoss(metric, t.mean(metric)))
                        .thenComparingInt(TrialRecord::number))
                .orElseThrow(() -> new IllegalStateException("every trial of the search failed; the first said: "
                        + trials.get(0).error()));
        SearchCandidate winner = candidates.stream().filter(c -> c.name().equals(best.candidate())).findFirst().orElseThrow();
        return new Outcome(winner.choice(best.params(), best.rounds()), best, trials);
    }

    private static TrialRecord trial(Pipeline pipeline, SearchCandidate candidate, Map<String, String> params, int number,
            CrossValidation cv, Trainer trainer, EarlyStopping stopping, List<Function<String, Object>> rows,
            float[] labels) {
        long start = System.nanoTime();
        ModelRecipe recipe = new ModelRecipe(pipeline, candidate.choice(params, pipeline.steps().train().rounds()));
        try {
            CrossValidation.Result result = cv.run(rows, labels, recipe::fitEncoding, trainer, recipe::spec,
                    recipe::metrics, stopping, CrossValidation.FoldListener.NONE);
            return new TrialRecord(candidate.name(), number, params, ModelCrossValidation.scoresOnly(result.scores()),
                    result.meanRounds(), seconds(start), null);
        } catch (ModelTrainingException e) {
            // XGBoost refused this combination of params; the search goes on without it
            return new TrialRecord(candidate.name(), number, params, Map.of(), 0, seconds(start), e.getMessage());
        }
    }

    /** How many trials the pipeline's search runs at most: its budget for each candidate with ranges, one for each without. */
    static int plannedTrials(Pipeline pipeline) {
        int trials = pipeline.steps().train().search().trials();
        return SearchCandidate.of(pipeline).stream().mapToInt(c -> c.space().isEmpty() ? 1 : trials).sum();
    }

    /** TPE learns from a quarter of the budget drawn at random, at least three trials. */
    private static Sampler sampler(PipelineDefinition.Search settings) {
        return "random".equals(settings.sampler()) ? new RandomSampler(settings.seed())
                : new TpeSampler(settings.seed(), Math.max(3, settings.trials() / 4), 0.25);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
