package io.adlift.steps.evaluate;

/**
 * A metric must be at least {@code min} and/or at most {@code max}; both bounds are inclusive and
 * at least one is required.
 */
public record GateCriterion(String metric, Double min, Double max) {

    public GateCriterion {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a gate criterion must name a metric, was '"
                    + metric + "'");
        }
        if (min == null && max == null) {
            throw new IllegalArgumentException("gate criterion for '" + metric
                    + "' needs a min, a max or both; it has neither");
        }
        if ((min != null && min.isNaN()) || (max != null && max.isNaN())) {
            throw new IllegalArgumentException("gate criterion for '" + metric
                    + "' has a NaN bound; min and max must be numbers");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("gate criterion for '" + metric + "' has min "
                    + min + " above max " + max + "; no value could pass");
        }
    }

    public static GateCriterion atLeast(String metric, double min) {
        return new GateCriterion(metric, min, null);
    }

    public static GateCriterion atMost(String metric, double max) {
        return new GateCriterion(metric, null, max);
    }
}
