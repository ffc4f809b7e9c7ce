package io.adlift.steps.evaluate;

import java.util.Arrays;

/**
 * A split-conformal prediction interval for a regression model: prediction ± {@code halfWidth}, where
 * the half-width is the ⌈(n+1)·nominal⌉-th smallest absolute residual on n held-out calibration rows the
 * model never saw. For exchangeable rows it covers a new row's actual value with probability at least
 * {@code nominal}, whatever the model. {@code coverage} is how often it did on a second set of held-out
 * rows, kept apart from the calibration rows, so the stated figure is measured, not assumed.
 *
 * @param nominal          the coverage asked for, between 0 and 1 (e.g. 0.8)
 * @param halfWidth        the interval is [prediction − halfWidth, prediction + halfWidth]
 * @param coverage         the share of the check rows whose actual value fell inside
 * @param calibrationRows  held-out rows the half-width was taken from
 * @param checkRows        held-out rows the coverage was measured on
 */
public record ConformalInterval(double nominal, double halfWidth, double coverage, int calibrationRows, int checkRows) {

    public ConformalInterval {
        if (!(nominal > 0 && nominal < 1)) {
            throw new IllegalArgumentException("the interval's nominal coverage must be between 0 and 1 (exclusive), got "
                    + nominal);
        }
    }

    /**
     * Calibrates on the held-out rows at even positions and measures coverage on those at odd positions;
     * the row order is the split's, not the label's, so the halves are exchangeable.
     */
    public static ConformalInterval fit(float[] actual, float[] predicted, double nominal) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " values but predicted has "
                    + predicted.length + "; they must pair up");
        }
        if (actual.length < 2) {
            throw new IllegalArgumentException("a conformal interval needs at least 2 held-out rows, got " + actual.length);
        }
        int calibration = (actual.length + 1) / 2;
        double[] residuals = new double[calibration];
        for (int i = 0; i < actual.length; i += 2) {
            residuals[i / 2] = Math.abs(actual[i] - predicted[i]);
        }
        Arrays.sort(residuals);
        int rank = (int) Math.ceil((calibration + 1) * nominal);
        // with too few rows for the nominal coverage the interval is unbounded, as the method says
        double halfWidth = rank > calibration ? Double.POSITIVE_INFINITY : residuals[rank - 1];
        int check = actual.length / 2;
        int inside = 0;
        for (int i = 1; i < actual.length; i += 2) {
            inside += Math.abs(actual[i] - predicted[i]) <= halfWidth ? 1 : 0;
        }
        return new ConformalInterval(nominal, halfWidth, (double) inside / check, calibration, check);
    }

    public double lower(double prediction) {
        return prediction - halfWidth;
    }

    public double upper(double prediction) {
        return prediction + halfWidth;
    }
}
