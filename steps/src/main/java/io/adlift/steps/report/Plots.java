package io.adlift.steps.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts as PNG bytes. */
public final class Plots {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private Plots() {
    }

    /** Each row's prediction against its actual value, with the diagonal where they agree. */
    public static byte[] actualVsPredicted(float[] actual, float[] predicted) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Actual vs predicted (test rows)")
                .xAxisTitle("actual").yAxisTitle("predicted").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.addSeries("rows", doubles(sample(actual)), doubles(sample(predicted))).setMarker(SeriesMarkers.CIRCLE);
        double low = Math.min(min(actual), min(predicted));
        double high = Math.max(max(actual), max(predicted));
        chart.addSeries("actual = predicted", new double[] {low, high}, new double[] {low, high})
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        return png(chart);
    }

    /** Points a scatter plot draws at most: beyond some thousands they only cover each other, slowly. */
    static final int MAX_SCATTER_POINTS = 20_000;

    /** Every k-th value, so that at most {@link #MAX_SCATTER_POINTS} remain; the same rows for both axes. */
    static float[] sample(float[] values) {
        return io.adlift.steps.evaluate.EvaluationSample.of(values.length, MAX_SCATTER_POINTS).of(values);
    }

    /** How many rows have each size of residual (actual − predicted). */
    public static byte[] residualHistogram(float[] actual, float[] predicted, int bins) {
        double[] residuals = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            residuals[i] = actual[i] - predicted[i];
        }
        double low = java.util.Arrays.stream(residuals).min().orElse(0);
        double high = java.util.Arrays.stream(residuals).max().orElse(0);
        double width = high > low ? (high - low) / bins : 1;
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.2f", low + (b + 0.5) * width));
            counts.add(0);
        }
        for (double r : residuals) {
            int b = Math.min(bins - 1, (int) ((r - low) / width));
            counts.set(b, counts.get(b) + 1);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Residuals (test rows)")
                .xAxisTitle("actual − predicted").yAxisTitle("rows").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries("residuals", labels, counts);
        return png(chart);
    }

    /** Horizontal-reading bars, largest first: feature importance, mean |SHAP|. */
    public static byte[] bars(String title, String valueTitle, List<String> names, double[] values, int top) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(values[b], values[a]));
        List<String> labels = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(top, order.size()); i++) {
            labels.add(names.get(order.get(i)));
            shown.add(values[order.get(i)]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(valueTitle)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.addSeries(valueTitle, labels, shown);
        return png(chart);
    }

    /** One or more lines over a common x: learning curves, ROC and precision–recall curves. */
    public static byte[] lines(String title, String xTitle, String yTitle, List<String> series, List<double[]> xs,
            List<double[]> ys) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (int i = 0; i < series.size(); i++) {
            chart.addSeries(series.get(i), xs.get(i), ys.get(i)).setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "'", e);
        }
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double min(float[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(float[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
