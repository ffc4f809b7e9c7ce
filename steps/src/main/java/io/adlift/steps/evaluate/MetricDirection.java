package io.adlift.steps.evaluate;

import java.util.Set;

/** Which way each metric improves, for gates, champions and searches that compare models. */
public final class MetricDirection {

    /** Metrics where more is better; for every other one (rmse, mae, mape, log loss, …) less is. */
    private static final Set<String> HIGHER_IS_BETTER = Set.of("r2", "roc_auc", "pr_auc", "f1", "precision", "recall",
            "accuracy");

    private MetricDirection() {
    }

    public static boolean higherIsBetter(String metric) {
        return HIGHER_IS_BETTER.contains(metric);
    }

    /** The metric as a loss, lower being better: negated where more is better. */
    public static double asLoss(String metric, double value) {
        return higherIsBetter(metric) ? -value : value;
    }
}
