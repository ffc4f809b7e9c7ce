package io.adlift.steps.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Root mean squared error, mean absolute error, the coefficient of determination and the mean absolute
 * percentage error of predictions against actual values. MAPE is taken over the rows whose actual value
 * is not zero (a count target is often zero, where a percentage error is undefined); NaN when there are
 * none. A NaN in the input makes the metrics NaN, which no gate criterion accepts.
 */
public record RegressionMetrics(long count, double rmse, double mae, double r2, double mape) {

    public static RegressionMetrics of(float[] actual, float[] predicted) {
        Objects.requireNonNull(actual, "actual must not be null");
        Objects.requireNonNull(predicted, "predicted must not be null");
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length
                    + " values but predicted has " + predicted.length + "; they must pair up");
        }
        int n = actual.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot compute regression metrics of 0 rows");
        }
        double sum = 0;
        for (float value : actual) {
            sum += value;
        }
        double mean = sum / n;
        double squaredErrors = 0;
        double absoluteErrors = 0;
        double squaredDeviations = 0;
        double percentageErrors = 0;
        long nonZero = 0;
        for (int i = 0; i < n; i++) {
            double error = (double) actual[i] - predicted[i];
            double deviation = actual[i] - mean;
            squaredErrors += error * error;
            absoluteErrors += Math.abs(error);
            squaredDeviations += deviation * deviation;
            if (actual[i] != 0) {
                percentageErrors += Math.abs(error / actual[i]);
                nonZero++;
            }
        }
        // Constant actuals leave nothing to explain: R² is undefined, not 0 or 1.
        double r2 = squaredDeviations == 0 ? Double.NaN : 1 - squaredErrors / squaredDeviations;
        return new RegressionMetrics(n, Math.sqrt(squaredErrors / n), absoluteErrors / n, r2,
                nonZero == 0 ? Double.NaN : percentageErrors / nonZero);
    }

    /** Keys {@code rmse}, {@code mae}, {@code r2}, {@code mape} and {@code count}, the names gates refer to. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("rmse", rmse);
        map.put("mae", mae);
        map.put("r2", r2);
        map.put("mape", mape);
        map.put("count", (double) count);
        return Collections.unmodifiableMap(map);
    }
}
