package io.adlift.steps.evaluate;

import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.TrainedModel;
import java.util.Objects;

/**
 * What evaluate scores: the trained model, the held-out test rows and the training rows as it saw them
 * (encoded) with their labels.
 *
 * @param threshold        a classifier's probability from which a row counts as positive
 * @param intervalCoverage a regression model's nominal interval coverage, e.g. 0.8
 */
public record EvaluateInput(Task task, TrainedModel model, FeatureMatrix test, float[] testLabels, FeatureMatrix train,
        float[] trainLabels, double threshold, double intervalCoverage) {

    /** What the model predicts: a probability of the positive class, or a number. */
    public enum Task {
        CLASSIFICATION, REGRESSION
    }

    public EvaluateInput {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        if (test.rows() == 0) {
            throw new IllegalArgumentException("no rows to evaluate on: raise steps.split.test-fraction or add data");
        }
        if (train.rows() == 0) {
            throw new IllegalArgumentException("no training rows to score");
        }
    }
}
