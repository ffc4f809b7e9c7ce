package io.adlift.steps.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A classifier's ROC and precision–recall curves: one point per distinct threshold, highest first. */
public final class Curves {

    private Curves() {
    }

    /** {x, y} points: false positive rate against true positive rate, from (0, 0) to (1, 1). */
    public static double[][] roc(float[] actual, float[] probability) {
        return sweep(actual, probability, true);
    }

    /** {x, y} points: recall against precision. */
    public static double[][] precisionRecall(float[] actual, float[] probability) {
        return sweep(actual, probability, false);
    }

    private static double[][] sweep(float[] actual, float[] probability, boolean roc) {
        Integer[] order = new Integer[actual.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(probability[b], probability[a]));
        long positives = 0;
        for (float a : actual) {
            positives += a >= 0.5f ? 1 : 0;
        }
        long negatives = actual.length - positives;
        List<double[]> points = new ArrayList<>();
        if (roc) {
            points.add(new double[] {0, 0});
        }
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length; i++) {
            if (actual[order[i]] >= 0.5f) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfThreshold = i + 1 == order.length || probability[order[i + 1]] != probability[order[i]];
            if (lastOfThreshold) {
                points.add(roc
                        ? new double[] {negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives}
                        : new double[] {positives == 0 ? 0 : (double) tp / positives, (double) tp / (tp + fp)});
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }
}
