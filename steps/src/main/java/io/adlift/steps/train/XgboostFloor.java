package io.adlift.steps.train;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The least any training of a matrix can cost: XGBoost alone, given the matrix and parameters
 * {@link XgboostTrainer} would use, with nothing around it (no per-round evaluation or reporting).
 * Benchmarks compare the train step with it.
 */
public final class XgboostFloor {

    private XgboostFloor() {
    }

    /** Seconds XGBoost takes to build its matrix from {@code features} and train {@code spec} on it. */
    public static double seconds(FeatureMatrix features, float[] labels, ModelSpec spec) {
        long start = System.nanoTime();
        DMatrix train = null;
        Booster booster = null;
        try {
            train = DenseMatrices.of(features);
            train.setLabel(labels);
            Map<String, Object> params = XgboostTrainer.params(features, spec);
            booster = XGBoost.train(train, params, spec.rounds(), Map.of(), null, null);
            return (System.nanoTime() - start) / 1e9;
        } catch (XGBoostError e) {
            throw new ModelTrainingException("XGBoost could not train the floor: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }
}
