package io.adlift.steps.report;

import io.adlift.steps.evaluate.Curves;
import io.adlift.steps.evaluate.EvaluationSample;
import io.adlift.steps.evaluate.Reliability;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;

/** The plots a model's report shows, by kind of model. */
public final class ReportPlots {

    private static final int TOP_FEATURES = 20;

    private ReportPlots() {
    }

    /** Actual vs predicted, residuals, importance by gain, mean |SHAP| and the learning curve. */
    public static List<EvaluationReport.Plot> regression(TrainedModel model, FeatureMatrix test, float[] actual,
            float[] predicted) {
        List<EvaluationReport.Plot> plots = new ArrayList<>();
        plots.add(new EvaluationReport.Plot("actual_vs_predicted.png", "Actual vs predicted on the test rows",
                Plots.actualVsPredicted(actual, predicted)));
        plots.add(new EvaluationReport.Plot("residuals.png", "Residual histogram on the test rows",
                Plots.residualHistogram(actual, predicted, 30)));
        plots.addAll(common(model, test));
        return plots;
    }

    /** ROC and precision–recall curves, the reliability plot, importance by gain, mean |SHAP| and the learning curve. */
    public static List<EvaluationReport.Plot> classification(TrainedModel model, FeatureMatrix test, float[] actual,
            float[] probability) {
        List<EvaluationReport.Plot> plots = new ArrayList<>();
        double[][] roc = thinned(Curves.roc(actual, probability));
        plots.add(new EvaluationReport.Plot("roc.png", "ROC curve on the test rows", Plots.lines("ROC curve",
                "false positive rate", "true positive rate", List.of("model", "chance"),
                List.of(roc[0], new double[] {0, 1}), List.of(roc[1], new double[] {0, 1}))));
        double[][] pr = thinned(Curves.precisionRecall(actual, probability));
        plots.add(new EvaluationReport.Plot("precision_recall.png", "Precision–recall curve on the test rows",
                Plots.lines("Precision–recall curve", "recall", "precision", List.of("model"), List.of(pr[0]),
                        List.of(pr[1]))));
        double[][] reliability = Reliability.of(actual, probability).points();
        plots.add(new EvaluationReport.Plot("reliability.png", "Reliability on the test rows: observed conversion rate "
                + "against mean predicted probability, per tenth of probability", Plots.lines("Reliability",
                        "mean predicted probability", "observed rate", List.of("model", "perfectly calibrated"),
                        List.of(reliability[0], new double[] {0, 1}), List.of(reliability[1], new double[] {0, 1}))));
        plots.addAll(common(model, test));
        return plots;
    }

    private static List<EvaluationReport.Plot> common(TrainedModel model, FeatureMatrix test) {
        List<EvaluationReport.Plot> plots = new ArrayList<>();
        plots.add(new EvaluationReport.Plot("importance_gain.png", "Feature importance: total gain of the splits",
                Plots.bars("Feature importance by gain", "total gain", model.featureNames(), model.gainImportance(),
                        TOP_FEATURES)));
        plots.add(new EvaluationReport.Plot("shap_summary.png", "SHAP summary: mean |contribution| on the test rows (every k-th row beyond "
                + MAX_SHAP_ROWS + ")",
                Plots.bars("SHAP summary", "mean |SHAP value|", model.featureNames(), meanAbsoluteShap(model, test),
                        TOP_FEATURES)));
        List<Double> curve = model.trainingCurve();
        if (!curve.isEmpty()) {
            double[] rounds = new double[curve.size()];
            double[] values = new double[curve.size()];
            for (int i = 0; i < rounds.length; i++) {
                rounds[i] = i + 1;
                values[i] = curve.get(i);
            }
            plots.add(new EvaluationReport.Plot("learning_curve.png", "Learning curve: training "
                    + model.evalMetricName() + " per boosting round", Plots.lines("Learning curve", "boosting round",
                            model.evalMetricName(), List.of("training"), List.of(rounds), List.of(values))));
        }
        return plots;
    }

    /**
     * Rows SHAP values are averaged over at most: explaining a row costs about as much as all its trees
     * times their depth squared (about 1 ms a row for 300 trees of depth 5, 38 s on 40,000 test rows), and
     * the ranking of mean |SHAP| settles within a thousand rows.
     */
    static final int MAX_SHAP_ROWS = 1_000;

    static double[] meanAbsoluteShap(TrainedModel model, FeatureMatrix x) {
        float[][] contributions = model.contributions(everyKthRow(x, MAX_SHAP_ROWS));
        double[] mean = new double[x.columns()];
        for (float[] row : contributions) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += Math.abs(row[c]);
            }
        }
        for (int c = 0; c < mean.length; c++) {
            mean[c] /= Math.max(1, contributions.length);
        }
        return mean;
    }

    /** Every k-th row of {@code x}, so that at most {@code limit} remain; {@code x} itself when it is small. */
    static FeatureMatrix everyKthRow(FeatureMatrix x, int limit) {
        return EvaluationSample.of(x.rows(), limit).of(x);
    }

    /** Points a curve keeps at most: an 800-pixel plot shows no more, and drawing 40,000 takes seconds. */
    static final int MAX_CURVE_POINTS = 2_000;

    /** Every k-th point of the curve, and always its last one, so that at most {@link #MAX_CURVE_POINTS} remain. */
    static double[][] thinned(double[][] xy) {
        int n = xy[0].length;
        if (n <= MAX_CURVE_POINTS) {
            return xy;
        }
        int step = (n + MAX_CURVE_POINTS - 2) / (MAX_CURVE_POINTS - 1);
        int kept = (n - 1 + step - 1) / step + 1;
        double[][] out = new double[2][kept];
        for (int i = 0; i < kept - 1; i++) {
            out[0][i] = xy[0][i * step];
            out[1][i] = xy[1][i * step];
        }
        out[0][kept - 1] = xy[0][n - 1];
        out[1][kept - 1] = xy[1][n - 1];
        return out;
    }

}
