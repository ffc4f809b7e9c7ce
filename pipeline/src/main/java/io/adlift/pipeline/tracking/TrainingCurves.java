package io.adlift.pipeline.tracking;

import java.util.ArrayList;
import java.util.List;

/**
 * The training and validation curves as metrics with the boosting round as their step, {@code curve/train.<metric>}
 * and {@code curve/valid.<metric>}: MLflow's run page puts a prefix's metrics in a section of their own ahead of the
 * single figures, so the two curves come first, side by side. (A plain {@code train.<metric>} is taken: it is
 * evaluate's figure on all training rows.)
 */
public final class TrainingCurves {

    static final String PREFIX = "curve/";

    private TrainingCurves() {
    }

    public static List<TrackedRun.Metric> points(String metric, List<Double> train, List<Double> valid) {
        long now = System.currentTimeMillis();
        String name = metric == null || metric.isBlank() ? "loss" : metric;
        List<TrackedRun.Metric> points = new ArrayList<>(train.size() + valid.size());
        add(points, PREFIX + "train." + name, train, now);
        add(points, PREFIX + "valid." + name, valid, now);
        return points;
    }

    private static void add(List<TrackedRun.Metric> points, String key, List<Double> values, long now) {
        for (int round = 0; round < values.size(); round++) {
            points.add(new TrackedRun.Metric(key, values.get(round), now, round));
        }
    }
}
