package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.TrainingListener;
import io.adlift.steps.train.XgboostTrainer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConformalIntervalTest {

    /** Rows of y = 3·sin(x1) + x2 + noise whose spread grows with |x2|: a model's errors are not all alike. */
    private record Rows(FeatureMatrix x, float[] y) {
        static Rows draw(int n, Random random) {
            float[] values = new float[n * 2];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                float x1 = (float) (random.nextDouble() * 6);
                float x2 = (float) random.nextGaussian();
                values[2 * i] = x1;
                values[2 * i + 1] = x2;
                y[i] = (float) (3 * Math.sin(x1) + x2 + random.nextGaussian() * (0.5 + Math.abs(x2)));
            }
            return new Rows(new FeatureMatrix(List.of("x1", "x2"), n, values), y);
        }
    }

    @Test
    void shouldCoverTheNominalShareOfHeldOutRowsWithinThreePoints() {
        Random random = new Random(11);
        Rows training = Rows.draw(8_000, random);
        Rows heldOut = Rows.draw(8_000, random);
        Rows fresh = Rows.draw(8_000, random);
        try (TrainedModel model = new XgboostTrainer().train(training.x(), training.y(),
                new ModelSpec("xgboost", Map.of("max_depth", "4", "eta", "0.1"), 100, 1), TrainingListener.NONE)) {
            for (double nominal : new double[] {0.8, 0.9}) {
                ConformalInterval interval = ConformalInterval.fit(heldOut.y(), model.predict(heldOut.x()), nominal);

                assertThat(interval.calibrationRows()).isEqualTo(4_000);
                assertThat(interval.checkRows()).isEqualTo(4_000);
                assertThat(interval.coverage()).as("coverage on the check half").isCloseTo(nominal, within(0.03));
                float[] predicted = model.predict(fresh.x());
                int inside = 0;
                for (int i = 0; i < predicted.length; i++) {
                    inside += fresh.y()[i] >= interval.lower(predicted[i]) && fresh.y()[i] <= interval.upper(predicted[i]) ? 1 : 0;
                }
                assertThat((double) inside / predicted.length).as("coverage on rows never seen").isCloseTo(nominal, within(0.03));
            }
        }
    }

    @Test
    void shouldTakeTheConformalRankOfTheCalibrationResiduals() {
        // calibration rows (even positions) have residuals 1..9; ⌈(9+1)·0.8⌉ = 8th smallest is 8
        float[] actual = new float[18];
        float[] predicted = new float[18];
        for (int i = 0; i < 9; i++) {
            actual[2 * i] = i + 1;
            actual[2 * i + 1] = i < 4 ? 1 : 100;
        }
        ConformalInterval interval = ConformalInterval.fit(actual, predicted, 0.8);

        assertThat(interval.halfWidth()).isEqualTo(8);
        assertThat(interval.coverage()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(interval.lower(10)).isEqualTo(2);
        assertThat(interval.upper(10)).isEqualTo(18);
    }

    @Test
    void shouldBeUnboundedWithTooFewRowsForTheNominalCoverage() {
        ConformalInterval interval = ConformalInterval.fit(new float[] {1, 2, 3}, new float[] {0, 0, 0}, 0.8);

        assertThat(interval.halfWidth()).isInfinite();
        assertThat(interval.coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldRejectANominalCoverageOutsideZeroToOne() {
        assertThatThrownBy(() -> ConformalInterval.fit(new float[] {1, 2}, new float[] {1, 2}, 80))
                .hasMessageContaining("between 0 and 1").hasMessageContaining("80");
    }
}
