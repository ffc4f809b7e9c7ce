package io.adlift.steps.evaluate;

import io.adlift.steps.train.FeatureMatrix;

/**
 * Every k-th row of the held-out rows, so that at most {@code limit} remain: what plots, SHAP and
 * artefacts are made of. Their cost and size then stay bounded while prediction and metrics cover
 * every row; an evenly spaced sample keeps the split's own (hash) order, so it is as random as the split.
 */
public record EvaluationSample(int rows, int step) {

    /** The sample of {@code total} rows keeping at most {@code limit}. */
    public static EvaluationSample of(int total, int limit) {
        int step = total <= limit ? 1 : (total + limit - 1) / limit;
        return new EvaluationSample((total + step - 1) / step, step);
    }

    /** The i-th sampled row's position among all rows. */
    public int row(int i) {
        return i * step;
    }

    public FeatureMatrix of(FeatureMatrix x) {
        if (step == 1) {
            return x;
        }
        float[] values = new float[rows * x.columns()];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x.values(), row(r) * x.columns(), values, r * x.columns(), x.columns());
        }
        return new FeatureMatrix(x.featureNames(), rows, values);
    }

    public float[] of(float[] values) {
        if (step == 1) {
            return values;
        }
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = values[row(r)];
        }
        return out;
    }
}
