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

/** Gradient-boosted models with XGBoost4J; the booster parameters come from {@link ModelSpec}. */
public final class XgboostTrainer implements Trainer {

    static final String NAME = "xgboost";
    private static final String WATCH = "train";
    // Python's xgboost refuses feature names containing these when it loads a model.
    private static final String FORBIDDEN_NAME_CHARS = "[]<";

    public XgboostTrainer() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec) {
        Objects.requireNonNull(features, "features must not be null");
        Objects.requireNonNull(labels, "labels must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        requireTrainable(features, labels);
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        params.put("seed", spec.seed());
        // XGBoost4J prints every round's evaluation to the console unless told not to; the curve is
        // kept in the model instead. A definition can still ask for it with verbose_eval.
        params.putIfAbsent("verbose_eval", "false");

        DMatrix train = null;
        Booster booster = null;
        try {
            train = DenseMatrices.of(features);
            train.setLabel(labels);
            // The overload with a metrics array is the six-argument train plus the history it
            // otherwise throws away; no early stopping (0).
            float[][] history = new float[1][spec.rounds()];
            booster = XGBoost.train(train, params, spec.rounds(), Map.of(WATCH, train), history,
                    null, null, 0);
            String metric = evalMetricName(booster, train, spec.rounds());
            return new TrainedModel(booster, features.featureNames(), metric, curve(history[0]));
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
        }
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
    private static String evalMetricName(Booster booster, DMatrix train, int rounds)
            throws XGBoostError {
        String line = booster.evalSet(new DMatrix[] {train}, new String[] {WATCH}, rounds - 1);
        String[] parts = line.split("\t");
        if (parts.length < 2) {
            return "";
        }
        String entry = parts[1];
        int start = entry.startsWith(WATCH + "-") ? WATCH.length() + 1 : 0;
        int end = entry.lastIndexOf(':');
        return end > start ? entry.substring(start, end) : "";
    }

    private static List<Double> curve(float[] perRound) {
        List<Double> curve = new ArrayList<>(perRound.length);
        for (float value : perRound) {
            // Through the decimal string, so 0.1f is recorded as 0.1 and not 0.10000000149.
            curve.add(Double.valueOf(Float.toString(value)));
        }
        return List.copyOf(curve);
    }
}
