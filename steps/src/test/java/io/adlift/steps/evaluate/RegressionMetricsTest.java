package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

    @Test
    void shouldMatchHandComputedValues() {
        // errors -0.5, 0, 1, -1: SSres 2.25, mean 2.5, SStot 5
        RegressionMetrics metrics = RegressionMetrics.of(
                new float[] {1, 2, 3, 4}, new float[] {1.5f, 2, 2, 5});

        assertThat(metrics.count()).isEqualTo(4);
        assertThat(metrics.rmse()).isCloseTo(0.75, within(1e-12));
        assertThat(metrics.mae()).isCloseTo(0.625, within(1e-12));
        assertThat(metrics.r2()).isCloseTo(0.55, within(1e-12));
    }

    @Test
    void shouldScorePerfectPredictionsAsZeroErrorAndR2OfOne() {
        RegressionMetrics metrics = RegressionMetrics.of(new float[] {1, 5}, new float[] {1, 5});

        assertThat(metrics.rmse()).isZero();
        assertThat(metrics.mae()).isZero();
        assertThat(metrics.r2()).isEqualTo(1.0);
    }

    @Test
    void shouldLeaveR2UndefinedWhenTheActualValuesAreConstant() {
        RegressionMetrics metrics = RegressionMetrics.of(new float[] {3, 3, 3}, new float[] {2, 3, 4});

        assertThat(metrics.r2()).isNaN();
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
    }

    @Test
    void shouldRejectNoRows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegressionMetrics.of(new float[0], new float[0]))
                .withMessageContaining("0 rows");
    }

    @Test
    void shouldRejectActualAndPredictedOfDifferentLengths() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegressionMetrics.of(new float[2], new float[3]))
                .withMessage("actual has 2 values but predicted has 3; they must pair up");
    }

    @Test
    void shouldExposeTheMetricsUnderTheNamesGatesUse() {
        RegressionMetrics metrics = new RegressionMetrics(10, 1.5, 1.25, 0.5, 0.2);

        assertThat(metrics.asMap()).containsOnlyKeys("rmse", "mae", "r2", "mape", "count")
                .containsEntry("mape", 0.2)
                .containsEntry("rmse", 1.5)
                .containsEntry("mae", 1.25)
                .containsEntry("r2", 0.5)
                .containsEntry("count", 10.0);
    }

    @Test
    void shouldTakeMapeOverTheRowsWithANonZeroActualOnly() {
        RegressionMetrics metrics = RegressionMetrics.of(new float[] {0, 2, 4}, new float[] {1, 1, 5});

        assertThat(metrics.mape()).isEqualTo((0.5 + 0.25) / 2);
        assertThat(RegressionMetrics.of(new float[] {0, 0}, new float[] {1, 2}).mape()).isNaN();
    }
}
