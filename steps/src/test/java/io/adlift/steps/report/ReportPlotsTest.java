package io.adlift.steps.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.train.FeatureMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPlotsTest {

    @Test
    void shouldKeepEveryKthRowOfALargeMatrixWhole() {
        float[] values = new float[10 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        FeatureMatrix x = new FeatureMatrix(List.of("a", "b"), 10, values);
        FeatureMatrix sample = ReportPlots.everyKthRow(x, 4);
        assertThat(sample.rows()).isEqualTo(4);
        assertThat(sample.values()).containsExactly(0, 1, 6, 7, 12, 13, 18, 19);
        assertThat(ReportPlots.everyKthRow(x, 10)).isSameAs(x);
    }

    @Test
    void shouldSampleScatterPointsOfBothAxesAlike() {
        float[] values = new float[Plots.MAX_SCATTER_POINTS * 3 + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        float[] sample = Plots.sample(values);
        assertThat(sample.length).isLessThanOrEqualTo(Plots.MAX_SCATTER_POINTS);
        assertThat(sample[1]).isEqualTo(4f);
        assertThat(Plots.sample(new float[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    @Test
    void shouldThinALongCurveButKeepItsEnds() {
        int n = ReportPlots.MAX_CURVE_POINTS * 20 + 7;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            xy[0][i] = i;
            xy[1][i] = i * 2;
        }
        double[][] thinned = ReportPlots.thinned(xy);

        assertThat(thinned[0].length).isLessThanOrEqualTo(ReportPlots.MAX_CURVE_POINTS).isGreaterThan(ReportPlots.MAX_CURVE_POINTS / 2);
        assertThat(thinned[0][0]).isZero();
        assertThat(thinned[0][thinned[0].length - 1]).isEqualTo(n - 1);
        assertThat(thinned[1][thinned[1].length - 1]).isEqualTo(2.0 * (n - 1));
        assertThat(ReportPlots.thinned(new double[][] {{0, 1}, {0, 1}})[0]).containsExactly(0, 1);
    }
}
