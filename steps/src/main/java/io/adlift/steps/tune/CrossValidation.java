package io.adlift.steps.tune;

import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.EarlyStopping;
import io.adlift.steps.train.HeldOutFit;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Repeated k-fold cross-validation of one model specification over labelled rows. Everything learnt
 * from data (one-hot categories, selection, standardisation: whatever {@code fitEncoding} fits) is
 * fitted on each fold's training rows only, so no held-out row reaches feature fitting.
 *
 * @param folds   k
 * @param repeats how many times the rows are reshuffled into k folds
 * @param seed    the shuffles' seed; the same seed gives the same folds
 */
public record CrossValidation(int folds, int repeats, long seed) {

    public CrossValidation {
        if (folds < 2 || repeats < 1) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds and 1 repeat, got " + folds
                    + " folds and " + repeats + " repeats");
        }
    }

    /** Fits the feature encoding on one fold's training rows and their labels. */
    @FunctionalInterface
    public interface EncodingFit {
        FeatureEncoding fit(List<Function<String, Object>> rows, float[] labels);
    }

    /** Told of every fold as it is scored: for reports, progress and tests. */
    @FunctionalInterface
    public interface FoldListener {
        FoldListener NONE = (repeat, fold, encoding, trainRows, metrics) -> { };

        void scored(int repeat, int fold, FeatureEncoding encoding, List<Function<String, Object>> trainRows,
                Map<String, Double> metrics);
    }

    /**
     * Each metric's scores over all folds of all repeats, in repeat-then-fold order, and the rounds
     * each fold kept. The model specification may depend on the fold's encoding (constraints name
     * features by position). With {@code stopping}, each fold boosts until its held-out loss stops
     * improving and is scored at its best round, as {@code xgb.cv} does.
     */
    public Result run(List<? extends Function<String, Object>> rows, float[] labels,
            EncodingFit fitEncoding, Trainer trainer, Function<FeatureEncoding, ModelSpec> spec,
            BiFunction<float[], float[], Map<String, Double>> metrics, EarlyStopping stopping, FoldListener listener) {
        if (rows.size() != labels.length) {
            throw new IllegalArgumentException(rows.size() + " rows but " + labels.length + " labels");
        }
        Map<String, List<Double>> byMetric = new LinkedHashMap<>();
        List<Integer> rounds = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            int[] assigned = Folds.assign(rows.size(), folds, seed, repeat);
            for (int fold = 0; fold < folds; fold++) {
                List<Function<String, Object>> trainRows = new ArrayList<>();
                List<Function<String, Object>> testRows = new ArrayList<>();
                List<Float> trainLabels = new ArrayList<>();
                List<Float> testLabels = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    boolean held = assigned[i] == fold;
                    (held ? testRows : trainRows).add(rows.get(i));
                    (held ? testLabels : trainLabels).add(labels[i]);
                }
                float[] yTrain = floats(trainLabels);
                FeatureEncoding encoding = fitEncoding.fit(trainRows, yTrain);
                float[] yTest = floats(testLabels);
                HeldOutFit fit = trainer.fitHeldOut(encoding.matrix(trainRows), yTrain, encoding.matrix(testRows), yTest,
                        spec.apply(encoding), stopping);
                rounds.add(fit.rounds());
                Map<String, Double> scored = metrics.apply(yTest, fit.predictions());
                scored.forEach((metric, value) -> byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
                listener.scored(repeat, fold, encoding, trainRows, scored);
            }
        }
        Map<String, CrossValidatedScore> scores = new LinkedHashMap<>();
        byMetric.forEach((metric, values) -> scores.put(metric,
                new CrossValidatedScore(metric, values.stream().mapToDouble(Double::doubleValue).toArray())));
        return new Result(scores, rounds.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Each metric's scores over the folds, and the boosting rounds each fold kept. */
    public record Result(Map<String, CrossValidatedScore> scores, int[] rounds) {

        public Result {
            scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
            rounds = rounds.clone();
        }

        @Override
        public int[] rounds() {
            return rounds.clone();
        }

        /** The mean of the folds' rounds, rounded: what a refit on all the rows trains for. */
        public int meanRounds() {
            return (int) Math.max(1, Math.round(java.util.Arrays.stream(rounds).average().orElse(1)));
        }
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
