package io.adlift.steps.tune;

import java.util.Arrays;

/** A metric over the folds of a cross-validation: each fold's value, their mean and sample standard deviation. */
public record CrossValidatedScore(String metric, double[] folds) {

    public CrossValidatedScore {
        folds = folds.clone();
    }

    public double mean() {
        return Arrays.stream(folds).average().orElse(Double.NaN);
    }

    public double std() {
        if (folds.length < 2) {
            return Double.NaN;
        }
        double mean = mean();
        return Math.sqrt(Arrays.stream(folds).map(v -> (v - mean) * (v - mean)).sum() / (folds.length - 1));
    }

    @Override
    public double[] folds() {
        return folds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrossValidatedScore that && metric.equals(that.metric) && Arrays.equals(folds, that.folds);
    }

    @Override
    public int hashCode() {
        return 31 * metric.hashCode() + Arrays.hashCode(folds);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.4f ± %.4f over %d folds", metric, mean(), std(), folds.length);
    }
}
