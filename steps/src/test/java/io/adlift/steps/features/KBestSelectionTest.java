package io.adlift.steps.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.train.FeatureMatrix;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KBestSelectionTest {

    @Test
    void shouldKeepTheFeaturesThatExplainTheLabelInMatrixOrder() {
        SplittableRandom random = new SplittableRandom(1);
        int rows = 500;
        float[] values = new float[rows * 4];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            float signal = (float) random.nextDouble();
            float weak = (float) random.nextDouble();
            values[r * 4] = (float) random.nextDouble();      // noise
            values[r * 4 + 1] = signal;
            values[r * 4 + 2] = 7;                             // constant
            values[r * 4 + 3] = weak;
            labels[r] = 10 * signal + weak + (float) random.nextDouble() * 0.1f;
        }
        FeatureMatrix x = new FeatureMatrix(List.of("noise", "signal", "constant", "weak"), rows, values);

        assertThat(KBestSelection.select(x, labels, 2)).containsExactly("signal", "weak");
        assertThat(KBestSelection.scores(x, labels)[2]).isZero();
        assertThat(KBestSelection.select(x, labels, 9)).hasSize(4);
    }

    @Test
    void shouldEncodeOnlyTheSelectedFeatures() {
        FeatureEncoding encoding = FeatureEncoding.fit(List.of(
                new FeatureSpec(FeatureKind.NUMERIC, List.of("a"), null),
                new FeatureSpec(FeatureKind.NUMERIC, List.of("b"), null),
                new FeatureSpec(FeatureKind.NUMERIC, List.of("c"), null)), List.of()).select(List.of("c", "a"));

        assertThat(encoding.names()).containsExactly("a", "c");
        assertThat(encoding.encode(Map.of("a", 1.0, "b", 2.0, "c", 3.0)::get)).containsExactly(1f, 3f);
    }
}
