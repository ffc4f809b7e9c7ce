package io.adlift.steps.evaluate;

import io.adlift.steps.report.EvaluationReport;
import io.adlift.steps.report.ReportPlots;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a trained model on held-out rows at a cost bounded by prediction: every row is predicted in
 * one batch per part and its metrics taken in one pass, while plots and SHAP are drawn from a bounded
 * sample and the artefacts hold a bounded sample of rows. A regression model also gets its split-conformal
 * interval, calibrated and checked on the test rows.
 */
public final class EvaluateStep {

    /**
     * Test rows the artefacts (test features, predictions) hold at most: enough to check the model
     * against them from Python, without files that grow with the data.
     */
    public static final int MAX_ARTEFACT_ROWS = 10_000;

    public EvaluateResult run(EvaluateInput input) {
        float[] predicted = input.model().predict(input.test());
        float[] trained = input.model().predict(input.train());
        Map<String, Double> test = new LinkedHashMap<>(metrics(input, input.testLabels(), predicted));
        Map<String, Double> train = metrics(input, input.trainLabels(), trained);
        ConformalInterval interval = null;
        List<EvaluationReport.Plot> plots;
        if (input.task() == EvaluateInput.Task.CLASSIFICATION) {
            plots = ReportPlots.classification(input.model(), input.test(), input.testLabels(), predicted);
        } else {
            interval = ConformalInterval.fit(input.testLabels(), predicted, input.intervalCoverage());
            test.put("interval_nominal", interval.nominal());
            test.put("interval_coverage", interval.coverage());
            if (Double.isFinite(interval.halfWidth())) {
                // too few test rows for the nominal coverage leave the interval unbounded: no figure then
                test.put("interval_half_width", interval.halfWidth());
            }
            plots = ReportPlots.regression(input.model(), input.test(), input.testLabels(), predicted);
        }
        EvaluationSample sample = EvaluationSample.of(input.test().rows(), MAX_ARTEFACT_ROWS);
        return new EvaluateResult(predicted, test, train, plots, interval, sample.of(input.test()),
                sample.of(input.testLabels()), sample.of(predicted));
    }

    private static Map<String, Double> metrics(EvaluateInput input, float[] actual, float[] predicted) {
        return input.task() == EvaluateInput.Task.CLASSIFICATION
                ? ClassificationMetrics.of(actual, predicted, input.threshold()).asMap()
                : RegressionMetrics.of(actual, predicted).asMap();
    }
}
