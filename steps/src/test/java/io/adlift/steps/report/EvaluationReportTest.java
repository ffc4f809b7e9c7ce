package io.adlift.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adlift.steps.evaluate.ClassificationMetrics;
import io.adlift.steps.evaluate.RegressionMetrics;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.XgboostTrainer;
import io.adlift.steps.tune.CrossValidatedScore;
import io.adlift.steps.tune.Trial;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    private static FeatureMatrix matrix(int rows, SplittableRandom random) {
        float[] values = new float[rows * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return new FeatureMatrix(List.of("spend", "clicks", "noise"), rows, values);
    }

    private static float[] labels(FeatureMatrix x, boolean binary) {
        float[] y = new float[x.rows()];
        for (int r = 0; r < x.rows(); r++) {
            float v = 3 * x.values()[r * 3] + x.values()[r * 3 + 1];
            y[r] = binary ? (v > 2 ? 1 : 0) : v;
        }
        return y;
    }

    private static void assertValidPng(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
        assertThat(Files.size(file)).as(file + " is a drawn chart, not an empty canvas").isGreaterThan(8_000);
    }

    @Test
    void shouldWriteARegressionReportWithValidPlotsAndTheSameFiguresInJsonAndHtml() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        FeatureMatrix train = matrix(400, random);
        FeatureMatrix test = matrix(100, random);
        try (TrainedModel model = new XgboostTrainer().train(train, labels(train, false),
                new ModelSpec("xgboost", Map.of("max_depth", "3", "eval_metric", "rmse"), 30, 1))) {
            float[] actual = labels(test, false);
            float[] predicted = model.predict(test);
            EvaluationReport report = new EvaluationReport("ad-conversions run 7",
                    RegressionMetrics.of(actual, predicted).asMap(),
                    Map.of("r2", new CrossValidatedScore("r2", new double[] {0.7, 0.8})),
                    List.of(new Trial(0, Map.of("eta", "0.1"), 0.5)),
                    ReportPlots.regression(model, test, actual, predicted));

            List<Path> files = report.write(dir);

            assertThat(files).extracting(f -> dir.relativize(f).toString()).contains("report.json", "report.html",
                    "plots/actual_vs_predicted.png", "plots/residuals.png", "plots/importance_gain.png",
                    "plots/shap_summary.png", "plots/learning_curve.png");
            for (Path f : files) {
                if (f.toString().endsWith(".png")) {
                    assertValidPng(f);
                }
            }
            JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
            assertThat(json.at("/cv/r2/mean").asDouble()).isEqualTo(0.75);
            assertThat(json.at("/metrics/r2").asDouble()).isEqualTo(RegressionMetrics.of(actual, predicted).r2());
            assertThat(json.at("/trials/0/params/eta").asText()).isEqualTo("0.1");
            String html = Files.readString(dir.resolve("report.html"));
            // each plot embedded as the very PNG written beside it, and no link MLflow's frame could not resolve
            String shap = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("plots/shap_summary.png")));
            assertThat(html).contains("<img src=\"data:image/png;base64," + shap + "\"").doesNotContain("src=\"plots/")
                    .contains("0.7500")
                    .contains(String.format(java.util.Locale.ROOT, "%.4f", RegressionMetrics.of(actual, predicted).rmse()));
        }
    }

    @Test
    void shouldDrawRocAndPrecisionRecallCurvesForAClassifier() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        FeatureMatrix train = matrix(400, random);
        FeatureMatrix test = matrix(200, random);
        try (TrainedModel model = new XgboostTrainer().train(train, labels(train, true),
                new ModelSpec("xgboost", Map.of("objective", "binary:logistic", "eval_metric", "logloss"), 20, 1))) {
            float[] actual = labels(test, true);
            float[] p = model.predict(test);
            new EvaluationReport("session-conversion", ClassificationMetrics.of(actual, p, 0.5).asMap(), Map.of(),
                    List.of(), ReportPlots.classification(model, test, actual, p)).write(dir);

            assertValidPng(dir.resolve("plots/roc.png"));
            assertValidPng(dir.resolve("plots/precision_recall.png"));
            double[] shap = ReportPlots.meanAbsoluteShap(model, test);
            assertThat(shap[0]).as("spend drives the label, noise does not").isGreaterThan(shap[2]);
        }
    }
}
