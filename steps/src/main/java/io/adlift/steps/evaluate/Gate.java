package io.adlift.steps.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Decides whether evaluated metrics meet every criterion. A criterion on a metric that was not
 * computed, or whose value is NaN, fails: a gate that cannot check must not let a model through.
 */
public final class Gate {

    private final List<GateCriterion> criteria;

    public Gate(List<GateCriterion> criteria) {
        this.criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria must not be null"));
    }

    public GateDecision decide(Map<String, Double> metrics) {
        Objects.requireNonNull(metrics, "metrics must not be null");
        if (criteria.isEmpty()) {
            return new GateDecision(true, List.of("no gate criteria are configured"));
        }
        List<String> failed = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (GateCriterion criterion : criteria) {
            Double value = metrics.get(criterion.metric());
            if (value == null) {
                failed.add("metric '" + criterion.metric() + "' was not computed; available "
                        + "metrics are " + String.join(", ", new TreeSet<>(metrics.keySet())));
            } else if (value.isNaN()) {
                failed.add(criterion.metric() + " = NaN is not a number, so it fails "
                        + bounds(criterion, Double.NaN));
            } else if (criterion.min() != null && value < criterion.min()) {
                String[] text = format(value, criterion.min());
                failed.add(criterion.metric() + " = " + text[0] + " is below the minimum "
                        + text[1]);
            } else if (criterion.max() != null && value > criterion.max()) {
                String[] text = format(value, criterion.max());
                failed.add(criterion.metric() + " = " + text[0] + " is above the maximum "
                        + text[1]);
            } else {
                held.add(bounds(criterion, value));
            }
        }
        return failed.isEmpty() ? new GateDecision(true, held) : new GateDecision(false, failed);
    }

    private static String bounds(GateCriterion criterion, double value) {
        String metric = criterion.metric();
        if (criterion.min() != null && criterion.max() != null) {
            String[] text = format(value, criterion.min(), criterion.max());
            return text[1] + " ≤ " + metric + " = " + text[0] + " ≤ " + text[2];
        }
        if (criterion.min() != null) {
            String[] text = format(value, criterion.min());
            return metric + " = " + text[0] + " ≥ " + text[1];
        }
        String[] text = format(value, criterion.max());
        return metric + " = " + text[0] + " ≤ " + text[1];
    }

    /**
     * Formats a value and its thresholds with one number of decimals: at least two, enough to
     * show each threshold exactly, and enough that a value differing from a threshold does not
     * print the same as it (0.4999 is not shown as "0.50 is below the minimum 0.50").
     */
    static String[] format(double value, double... thresholds) {
        int decimals = 2;
        for (double threshold : thresholds) {
            if (Double.isFinite(threshold)) {
                int scale = new BigDecimal(Double.toString(threshold)).stripTrailingZeros().scale();
                decimals = Math.max(decimals, Math.min(scale, 6));
            }
        }
        while (decimals < 12 && printsLikeAThreshold(value, thresholds, decimals)) {
            decimals++;
        }
        String[] text = new String[thresholds.length + 1];
        text[0] = format(value, decimals);
        for (int i = 0; i < thresholds.length; i++) {
            text[i + 1] = format(thresholds[i], decimals);
        }
        return text;
    }

    private static boolean printsLikeAThreshold(double value, double[] thresholds, int decimals) {
        for (double threshold : thresholds) {
            if (value != threshold && format(value, decimals).equals(format(threshold, decimals))) {
                return true;
            }
        }
        return false;
    }

    private static String format(double number, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", number);
    }
}
