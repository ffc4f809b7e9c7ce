package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.steps.train.Trainer;
import io.adlift.steps.tune.CrossValidatedScore;
import io.adlift.steps.tune.CrossValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The run's chosen model under repeated k-fold cross-validation over all labelled rows of the run
 * (both split parts; a seeded sample of them beyond {@code cv.sample-rows}), for figures that compare with other tools' published ones. Each fold fits its
 * own features on its own training rows ({@link ModelRecipe}).
 */
final class ModelCrossValidation {

    /** Figures that describe the rows rather than the model; they are not averaged over folds. */
    private static final Set<String> NOT_SCORES = Set.of("count", "positives", "threshold");

    private final StrategyRegistry<Trainer> trainers;

    ModelCrossValidation(StrategyRegistry<Trainer> trainers) {
        this.trainers = trainers;
    }

    /** The chosen model ({@code recipe}) with its chosen rounds, cross-validated over both split parts. */
    Map<String, CrossValidatedScore> run(RunContext run, ModelRecipe recipe, List<Function<String, Object>> trainRows,
            List<Function<String, Object>> testRows) {
        PipelineDefinition.Cv settings = run.pipeline().steps().evaluate().cv();
        List<Function<String, Object>> both = new ArrayList<>(trainRows);
        both.addAll(testRows);
        List<Function<String, Object>> all = new ArrayList<>();
        for (int row : io.adlift.steps.tune.Folds.sample(both.size(), settings.sampleRows(), settings.seed())) {
            all.add(both.get(row));
        }
        Map<String, CrossValidatedScore> scores = new CrossValidation(settings.folds(), settings.repeats(), settings.seed())
                .run(all, ModelRows.labels(run.pipeline().definition().target(), all), recipe::fitEncoding,
                        trainers.get(recipe.choice().strategy()), recipe::spec, recipe::metrics, null,
                        CrossValidation.FoldListener.NONE).scores();
        return scoresOnly(scores);
    }

    /** The scores without the figures that describe the rows rather than the model. */
    static Map<String, CrossValidatedScore> scoresOnly(Map<String, CrossValidatedScore> scores) {
        Map<String, CrossValidatedScore> kept = new LinkedHashMap<>(scores);
        kept.keySet().removeAll(NOT_SCORES);
        return kept;
    }

    /** {@code <metric>_mean} and {@code <metric>_std} of each score, the names stored and shown. */
    static Map<String, Double> flatten(Map<String, CrossValidatedScore> scores) {
        Map<String, Double> flat = new LinkedHashMap<>();
        scores.forEach((metric, score) -> {
            flat.put(metric + "_mean", score.mean());
            flat.put(metric + "_std", score.std());
        });
        flat.put("folds", (double) scores.values().stream().findFirst().map(s -> s.folds().length).orElse(0));
        return flat;
    }
}
