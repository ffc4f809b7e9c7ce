package io.adlift.steps.features;

import io.adlift.steps.train.FeatureMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Keeps the k features with the strongest univariate linear relation to the label, scored like
 * scikit-learn's {@code f_regression}: F = r² / (1 − r²) × (n − 2) over the rows where the feature is
 * present. Fitted on training rows only, like every other part of the encoding.
 */
public final class KBestSelection {

    private KBestSelection() {
    }

    /** The names of the k best features of {@code x} for {@code labels}, in the matrix's order. */
    public static List<String> select(FeatureMatrix x, float[] labels, int k) {
        if (k >= x.columns()) {
            return x.featureNames();
        }
        double[] scores = scores(x, labels);
        List<Integer> best = IntStream.range(0, x.columns()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -scores[c]).thenComparing(c -> c))
                .limit(k).sorted().toList();
        List<String> names = new ArrayList<>(k);
        best.forEach(c -> names.add(x.featureNames().get(c)));
        return names;
    }

    /** The F score of each feature; 0 for a constant or absent feature. */
    public static double[] scores(FeatureMatrix x, float[] labels) {
        int columns = x.columns();
        double[] scores = new double[columns];
        float[] v = x.values();
        for (int c = 0; c < columns; c++) {
            long n = 0;
            double sx = 0;
            double sy = 0;
            for (int r = 0; r < x.rows(); r++) {
                float value = v[r * columns + c];
                if (!Float.isNaN(value)) {
                    n++;
                    sx += value;
                    sy += labels[r];
                }
            }
            if (n < 3) {
                continue;
            }
            double mx = sx / n;
            double my = sy / n;
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int r = 0; r < x.rows(); r++) {
                float value = v[r * columns + c];
                if (!Float.isNaN(value)) {
                    sxy += (value - mx) * (labels[r] - my);
                    sxx += (value - mx) * (value - mx);
                    syy += (labels[r] - my) * (labels[r] - my);
                }
            }
            if (sxx == 0 || syy == 0) {
                continue;
            }
            double r2 = Math.min(1 - 1e-12, sxy * sxy / (sxx * syy));
            scores[c] = r2 / (1 - r2) * (n - 2);
        }
        return scores;
    }
}
