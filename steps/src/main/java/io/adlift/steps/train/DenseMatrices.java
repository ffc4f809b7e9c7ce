package io.adlift.steps.train;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Turns a {@link FeatureMatrix} into XGBoost's native matrix; the caller disposes it. */
final class DenseMatrices {

    private DenseMatrices() {
    }

    static DMatrix of(FeatureMatrix features) throws XGBoostError {
        DMatrix matrix = new DMatrix(features.values(), features.rows(), features.columns(),
                Float.NaN);
        try {
            // Named features end up in the saved model, so Python sees the same column names.
            matrix.setFeatureNames(features.featureNames().toArray(String[]::new));
            return matrix;
        } catch (XGBoostError | RuntimeException e) {
            matrix.dispose();
            throw e;
        }
    }
}
