package io.adlift.steps.evaluate;

import io.adlift.steps.report.EvaluationReport;
import io.adlift.steps.train.FeatureMatrix;
import java.util.List;
import java.util.Map;

/**
 * What evaluate found: the model's prediction for every test row, the metrics on the test and training
 * rows, the report's plots, a regression model's conformal interval (null for a classifier), and the
 * bounded sample of test rows the artefacts hold ({@code sampleFeatures} as the model saw them, with their
 * labels and predictions in the same order).
 */
public record EvaluateResult(float[] predicted, Map<String, Double> test, Map<String, Double> train,
        List<EvaluationReport.Plot> plots, ConformalInterval interval, FeatureMatrix sampleFeatures, float[] sampleLabels,
        float[] samplePredicted) {

    public EvaluateResult {
        test = Map.copyOf(test);
        train = Map.copyOf(train);
        plots = List.copyOf(plots);
    }
}
