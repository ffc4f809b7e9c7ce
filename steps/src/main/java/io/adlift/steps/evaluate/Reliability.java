package io.adlift.steps.evaluate;

/**
 * A classifier's predicted probabilities binned into ten equal-width bins, with each bin's summed
 * probability and observed positives: the reliability plot draws it, and the expected calibration error
 * is taken over it.
 */
public record Reliability(double[] predicted, double[] observed, long[] rows) {

    public static final int BINS = 10;

    public static Reliability of(float[] actual, float[] probability) {
        double[] predicted = new double[BINS];
        double[] observed = new double[BINS];
        long[] rows = new long[BINS];
        for (int i = 0; i < actual.length; i++) {
            int bin = Math.min(BINS - 1, Math.max(0, (int) (probability[i] * BINS)));
            observed[bin] += actual[i] >= 0.5f ? 1 : 0;
            predicted[bin] += probability[i];
            rows[bin]++;
        }
        return new Reliability(predicted, observed, rows);
    }

    /** The row-weighted mean |observed rate − mean probability| over the bins. */
    public double calibrationError() {
        double error = 0;
        long total = 0;
        for (int b = 0; b < BINS; b++) {
            error += Math.abs(observed[b] - predicted[b]);
            total += rows[b];
        }
        return total == 0 ? Double.NaN : error / total;
    }

    /** {mean predicted probability, observed rate} of each non-empty bin, for the plot. */
    public double[][] points() {
        int filled = 0;
        for (long r : rows) {
            filled += r > 0 ? 1 : 0;
        }
        double[][] xy = new double[2][filled];
        int j = 0;
        for (int b = 0; b < BINS; b++) {
            if (rows[b] > 0) {
                xy[0][j] = predicted[b] / rows[b];
                xy[1][j] = observed[b] / rows[b];
                j++;
            }
        }
        return xy;
    }
}
