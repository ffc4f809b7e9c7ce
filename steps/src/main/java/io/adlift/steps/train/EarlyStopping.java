package io.adlift.steps.train;

import java.util.function.ToDoubleBiFunction;

/**
 * When to stop boosting: after {@code patience} rounds in which {@code loss} (lower is better) of the
 * held-out rows' predictions has not improved on its best.
 *
 * @param patience rounds without improvement before stopping; at least 1
 * @param loss     of (actual, predicted) on the held-out rows
 */
public record EarlyStopping(int patience, ToDoubleBiFunction<float[], float[]> loss) {

    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("early stopping needs a patience of at least 1 round, got " + patience);
        }
    }

    /** Root mean squared error, the regression default. */
    public static double rmse(float[] actual, float[] predicted) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = predicted[i] - actual[i];
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, actual.length));
    }

    /** Mean log loss of probabilities against 0/1 labels, the classification default. */
    public static double logLoss(float[] actual, float[] predicted) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, predicted[i]));
            sum -= actual[i] > 0.5f ? Math.log(p) : Math.log(1 - p);
        }
        return sum / Math.max(1, actual.length);
    }
}
