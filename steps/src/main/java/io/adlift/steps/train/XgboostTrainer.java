package io.adlift.steps.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Models with XGBoost4J in one of its {@link BoosterMode}s; the booster parameters come from
 * {@link ModelSpec}, over the mode's defaults.
 */
public final class XgboostTrainer implements Trainer {

    static final String NAME = "xgboost";
    private static final String WATCH = "train";
    private static final String VALID_WATCH = "valid";
    // Python's xgboost refuses feature names containing these when it loads a model.
    private static final String FORBIDDEN_NAME_CHARS = "[]<";

    private final String name;
    private final BoosterMode mode;

    /** Gradient-boosted trees under the name {@code xgboost}, the default strategy. */
    public XgboostTrainer() {
        this(NAME, BoosterMode.TREES);
    }

    public XgboostTrainer(String name, BoosterMode mode) {
        this.name = Objects.requireNonNull(name, "name");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean wantsStandardizedFeatures() {
        return mode.wantsStandardizedFeatures();
    }

    /** Below this many rows XGBoost trains on one thread unless the definition sets nthread. */
    static final int SINGLE_THREAD_BELOW_ROWS = 20_000;

    @Override
    public TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec, TrainingListener listener) {
        return train(features, labels, spec, listener, null, null);
    }

    @Override
    public TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec, TrainingListener listener,
            FeatureMatrix validation, float[] validationLabels) {
        Objects.requireNonNull(features, "features must not be null");
        Objects.requireNonNull(labels, "labels must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        requireTrainable(features, labels);
        ModelSpec applied = mode.apply(spec);
        Map<String, Object> params = params(features, applied);

        DMatrix train = null;
        DMatrix valid = null;
        Booster booster = null;
        try {
            train = DenseMatrices.of(features);
            train.setLabel(labels);
            boolean watched = validation != null && validation.rows() > 0;
            if (watched) {
                valid = DenseMatrices.of(validation);
                valid.setLabel(validationLabels);
            }
            DMatrix[] watches = watched ? new DMatrix[] {train, valid} : new DMatrix[] {train};
            String[] names = watched ? new String[] {WATCH, VALID_WATCH} : new String[] {WATCH};
            // Round by round, as XGBoost.train itself does, so that each round can be reported.
            booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            List<Double> curve = new ArrayList<>(applied.rounds());
            List<Double> validCurve = new ArrayList<>(watched ? applied.rounds() : 0);
            String line = "";
            for (int round = 0; round < applied.rounds(); round++) {
                booster.update(train, round);
                // XGBoost keeps each watched matrix's predictions, so watching costs one round of trees per round
                line = booster.evalSet(watches, names, round);
                double value = metricValue(line, 1);
                curve.add(value);
                if (watched) {
                    validCurve.add(metricValue(line, 2));
                }
                listener.onRound(round + 1, applied.rounds(), value);
            }
            return new TrainedModel(booster, features.featureNames(), metricName(line), List.copyOf(curve), validCurve);
        } catch (XGBoostError e) {
            if (booster != null) {
                booster.dispose();
            }
            throw new ModelTrainingException("XGBoost could not train with params " + params
                    + ": " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
            if (valid != null) {
                valid.dispose();
            }
        }
    }

    /** Seconds XGBoost alone takes on {@code spec} as this trainer would give it (its booster mode applied). */
    public double floorSeconds(FeatureMatrix features, float[] labels, ModelSpec spec) {
        return XgboostFloor.seconds(features, labels, mode.apply(spec));
    }

    /**
     * Boosts round by round and predicts the held-out rows after each; XGBoost caches each matrix's
     * predictions, so a round costs only its own trees. Keeps the predictions of the round with the
     * lowest loss and stops {@code patience} rounds after it.
     */
    @Override
    public HeldOutFit fitHeldOut(FeatureMatrix features, float[] labels, FeatureMatrix heldOut, float[] heldOutLabels,
            ModelSpec spec, EarlyStopping stopping) {
        Objects.requireNonNull(heldOut, "heldOut must not be null");
        requireTrainable(features, labels);
        if (stopping == null || !mode.stopsEarly()) {
            return Trainer.super.fitHeldOut(features, labels, heldOut, heldOutLabels, spec, null);
        }
        ModelSpec applied = mode.apply(spec);
        Map<String, Object> params = params(features, applied);
        DMatrix train = null;
        DMatrix held = null;
        Booster booster = null;
        try {
            train = DenseMatrices.of(features);
            train.setLabel(labels);
            held = DenseMatrices.of(heldOut);
            booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            float[] best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestRounds = 0;
            for (int round = 0; round < applied.rounds() && round - bestRounds < stopping.patience(); round++) {
                booster.update(train, round);
                float[] predicted = TrainedModel.flatten(booster.predict(held));
                double loss = stopping.loss().applyAsDouble(heldOutLabels, predicted);
                if (loss < bestLoss || best == null) {
                    bestLoss = loss;
                    best = predicted;
                    bestRounds = round + 1;
                }
            }
            return new HeldOutFit(bestRounds, best);
        } catch (XGBoostError e) {
            throw new ModelTrainingException("XGBoost could not train with params " + params + ": " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (held != null) {
                held.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** XGBoost's parameters for training {@code spec} (its booster mode applied) on {@code features}. */
    static Map<String, Object> params(FeatureMatrix features, ModelSpec spec) {
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        params.put("seed", spec.seed());
        // XGBoost4J prints every round's evaluation to the console unless told not to; the curve is
        // kept in the model instead. A definition can still ask for it with verbose_eval.
        params.putIfAbsent("verbose_eval", "false");
        // On a few thousand rows a round takes microseconds, and OpenMP threads waiting on each other
        // (on a shared machine, spinning against other processes) cost a hundred times the work.
        if (features.rows() < SINGLE_THREAD_BELOW_ROWS) {
            params.putIfAbsent("nthread", 1);
        }
        return params;
    }

    private static void requireTrainable(FeatureMatrix features, float[] labels) {
        if (features.rows() == 0) {
            throw new IllegalArgumentException("cannot train on 0 rows; the feature matrix "
                    + "with features " + features.featureNames() + " is empty");
        }
        if (features.columns() == 0) {
            throw new IllegalArgumentException("cannot train without features; the feature "
                    + "matrix has " + features.rows() + " rows but no columns");
        }
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException("labels has " + labels.length
                    + " values but the feature matrix has " + features.rows()
                    + " rows; there must be one label per row");
        }
        for (int i = 0; i < labels.length; i++) {
            if (!Float.isFinite(labels[i])) {
                throw new IllegalArgumentException("label at row " + i + " is " + labels[i]
                        + "; labels must be finite numbers (missing values are allowed only in "
                        + "features)");
            }
        }
        for (String name : features.featureNames()) {
            for (char c : FORBIDDEN_NAME_CHARS.toCharArray()) {
                if (name.indexOf(c) >= 0) {
                    throw new IllegalArgumentException("feature name '" + name + "' contains '"
                            + c + "'; XGBoost feature names may not contain [, ] or <");
                }
            }
        }
    }

    // XGBoost reports the metric only inside its log line, "[round]\ttrain-rmse:0.123".
    private static String metricName(String line) {
        String[] parts = line.split("\t");
        if (parts.length < 2) {
            return "";
        }
        String entry = parts[1];
        int start = entry.startsWith(WATCH + "-") ? WATCH.length() + 1 : 0;
        int end = entry.lastIndexOf(':');
        return end > start ? entry.substring(start, end) : "";
    }

    /** The value of the {@code watch}-th watch (1: train) in an evaluation line {@code [round]\ttrain-rmse:…\tvalid-rmse:…}. */
    private static double metricValue(String line, int watch) {
        String[] parts = line.split("\t");
        if (parts.length <= watch) {
            return Double.NaN;
        }
        return Double.parseDouble(parts[watch].substring(parts[watch].lastIndexOf(':') + 1).trim());
    }
}
