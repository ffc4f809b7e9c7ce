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
}
