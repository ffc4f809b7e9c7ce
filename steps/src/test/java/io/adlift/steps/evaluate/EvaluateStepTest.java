package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.report.EvaluationReport;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.TrainingListener;
import io.adlift.steps.train.XgboostTrainer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluateStepTest {

    private static final int TEST_ROWS = 25_000;

    private static FeatureMatrix matrix(int n, Random random) {
        float[] values = new float[n * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new FeatureMatrix(List.of("a", "b", "c"), n, values);
    }

    private static float[] labels(FeatureMatrix x, Random random, boolean binary) {
        float[] y = new float[x.rows()];
        for (int i = 0; i < y.length; i++) {
            double score = x.values()[3 * i] + 0.5 * x.values()[3 * i + 1] + random.nextGaussian();
            y[i] = binary ? (score > 0.5 ? 1 : 0) : (float) score;
        }
        return y;
    }

    private static EvaluateResult evaluate(EvaluateInput.Task task) {
        Random random = new Random(3);
        boolean binary = task == EvaluateInput.Task.CLASSIFICATION;
        FeatureMatrix train = matrix(2_000, random);
        float[] trainLabels = labels(train, random, binary);
        FeatureMatrix test = matrix(TEST_ROWS, random);
        float[] testLabels = labels(test, random, binary);
        Map<String, String> params = binary ? Map.of("objective", "binary:logistic", "max_depth", "3")
                : Map.of("max_depth", "3");
        try (TrainedModel model = new XgboostTrainer().train(train, trainLabels, new ModelSpec("xgboost", params, 30, 1),
                TrainingListener.NONE)) {
            return new EvaluateStep().run(new EvaluateInput(task, model, test, testLabels, train, trainLabels, 0.5, 0.8));
        }
    }

    @Test
    void shouldScoreEveryTestRowButKeepABoundedSampleForTheArtefacts() {
        EvaluateResult result = evaluate(EvaluateInput.Task.CLASSIFICATION);

        assertThat(result.predicted()).hasSize(TEST_ROWS);
        assertThat(result.test().get("count")).isEqualTo(TEST_ROWS);
        assertThat(result.train().get("count")).isEqualTo(2_000);
        assertThat(result.sampleFeatures().rows()).isLessThanOrEqualTo(EvaluateStep.MAX_ARTEFACT_ROWS).isGreaterThan(1_000);
        assertThat(result.sampleLabels()).hasSize(result.sampleFeatures().rows());
        // the sample's predictions are the model's for the sample's rows: every k-th row, from the first
        int step = TEST_ROWS / result.sampleFeatures().rows() + (TEST_ROWS % result.sampleFeatures().rows() == 0 ? 0 : 1);
        assertThat(result.samplePredicted()[1]).isEqualTo(result.predicted()[step]);
        assertThat(result.interval()).isNull();
    }

    @Test
    void shouldDrawAReliabilityPlotAndReportCalibrationErrorForAClassifier() {
        EvaluateResult result = evaluate(EvaluateInput.Task.CLASSIFICATION);

        assertThat(result.plots()).extracting(EvaluationReport.Plot::file).contains("roc.png", "precision_recall.png",
                "reliability.png", "shap_summary.png");
        assertThat(result.test().get("calibration_error")).isBetween(0.0, 0.1);
    }

    @Test
    void shouldStateTheConformalIntervalOfARegressionModel() {
        EvaluateResult result = evaluate(EvaluateInput.Task.REGRESSION);

        assertThat(result.interval().nominal()).isEqualTo(0.8);
        assertThat(result.test().get("interval_coverage")).isBetween(0.77, 0.83);
        assertThat(result.test().get("interval_half_width")).isPositive();
        assertThat(result.plots()).extracting(EvaluationReport.Plot::file).contains("actual_vs_predicted.png")
                .doesNotContain("reliability.png");
    }
}
