package io.adlift.pipeline.model;

import io.adlift.steps.tune.CrossValidatedScore;
import java.util.Map;

/**
 * One trial of a run's search: which candidate with which params, its cross-validated scores on the
 * training rows, the boosting rounds early stopping kept (the folds' mean), how long it took, and why
 * it failed if it did.
 */
record TrialRecord(String candidate, int number, Map<String, String> params, Map<String, CrossValidatedScore> scores,
        int rounds, double seconds, String error) {

    TrialRecord {
        params = Map.copyOf(params);
        scores = Map.copyOf(scores);
    }

    /** The mean of {@code metric} over the folds, NaN when the trial failed. */
    double mean(String metric) {
        CrossValidatedScore score = scores.get(metric);
        return score == null ? Double.NaN : score.mean();
    }
}
