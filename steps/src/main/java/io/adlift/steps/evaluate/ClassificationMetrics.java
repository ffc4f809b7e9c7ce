package io.adlift.steps.evaluate;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics of predicted probabilities against 0/1 outcomes: ranking (ROC AUC, PR AUC as average
 * precision), probability quality (log loss, Brier score, expected calibration error over ten equal-width
 * bins), and decisions at a threshold (accuracy, precision, recall, F1).
 */
public record ClassificationMetrics(long count, double positives, double rocAuc, double prAuc, double logLoss,
        double brier, double calibrationError, double threshold, double accuracy, double precision, double recall,
        double f1) {

    private static final double EPSILON = 1e-15;

    public static ClassificationMetrics of(float[] actual, float[] probability, double threshold) {
        Objects.requireNonNull(actual, "actual must not be null");
        Objects.requireNonNull(probability, "probability must not be null");
        if (actual.length != probability.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " values but probability has "
                    + probability.length + "; they must pair up");
        }
        int n = actual.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot compute classification metrics of 0 rows");
        }
        long positives = 0;
        double logLoss = 0;
        double brier = 0;
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < n; i++) {
            boolean positive = actual[i] >= 0.5f;
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probability[i]));
            positives += positive ? 1 : 0;
            logLoss -= positive ? Math.log(p) : Math.log(1 - p);
            brier += (probability[i] - (positive ? 1 : 0)) * (probability[i] - (positive ? 1 : 0));
            boolean predicted = probability[i] >= threshold;
            if (predicted && positive) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (positive) {
                fn++;
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(n, positives, rocAuc(actual, probability, positives), averagePrecision(actual,
                probability, positives), logLoss / n, brier / n, calibrationError(actual, probability), threshold,
                (double) (tp + tn) / n, precision, recall, f1);
    }

    /** The Mann–Whitney statistic: the chance a random positive scores above a random negative, ties half. */
    private static double rocAuc(float[] actual, float[] probability, long positives) {
        long negatives = actual.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = sortedByScore(probability);
        double rankSumOfPositives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && probability[order[j + 1]] == probability[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]] >= 0.5f) {
                    rankSumOfPositives += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSumOfPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: precision at each positive, highest scores first, tied scores taken together. */
    private static double averagePrecision(float[] actual, float[] probability, long positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = sortedByScore(probability);
        double sum = 0;
        long tp = 0;
        long seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && probability[order[j - 1]] == probability[order[i]]) {
                j--;
            }
            long newPositives = 0;
            for (int k = j; k <= i; k++) {
                newPositives += actual[order[k]] >= 0.5f ? 1 : 0;
            }
            tp += newPositives;
            seen += i - j + 1;
            sum += newPositives * ((double) tp / seen);
            i = j - 1;
        }
        return sum / positives;
    }

    /** Mean |observed rate − mean probability| over ten equal-width bins, weighted by their rows. */
    private static double calibrationError(float[] actual, float[] probability) {
        return Reliability.of(actual, probability).calibrationError();
    }

    private static Integer[] sortedByScore(float[] probability) {
        Integer[] order = new Integer[probability.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(probability[a], probability[b]));
        return order;
    }

    /** The names gates refer to. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("roc_auc", rocAuc);
        map.put("pr_auc", prAuc);
        map.put("log_loss", logLoss);
        map.put("brier", brier);
        map.put("calibration_error", calibrationError);
        map.put("threshold", threshold);
        map.put("accuracy", accuracy);
        map.put("precision", precision);
        map.put("recall", recall);
        map.put("f1", f1);
        map.put("positives", positives);
        map.put("count", (double) count);
        return Collections.unmodifiableMap(map);
    }
}
