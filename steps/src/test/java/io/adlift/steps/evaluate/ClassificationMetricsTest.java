package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void shouldCountPairsRankedRightForTheAucWithTiesAsHalves() {
        float[] actual = {0, 0, 1, 1, 0, 1};
        float[] p = {0.1f, 0.4f, 0.35f, 0.8f, 0.8f, 0.9f};

        ClassificationMetrics m = ClassificationMetrics.of(actual, p, 0.5);

        // 9 positive-negative pairs: (0.35 vs 0.1, 0.4, 0.8) = 1; (0.8 vs 0.1, 0.4, 0.8) = 2.5; (0.9 vs all) = 3.
        assertThat(m.rocAuc()).isCloseTo(6.5 / 9, within(1e-12));
    }

    @Test
    void shouldGiveAveragePrecisionLogLossAndDecisionsAtTheThreshold() {
        float[] actual = {1, 0, 1, 0};
        float[] p = {0.9f, 0.6f, 0.4f, 0.2f};

        ClassificationMetrics m = ClassificationMetrics.of(actual, p, 0.5);

        // Ranked 0.9 (pos, precision 1), 0.6 (neg), 0.4 (pos, precision 2/3), 0.2 (neg).
        assertThat(m.prAuc()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
        double expectedLogLoss = -(Math.log(0.9f) + Math.log(1 - 0.6f) + Math.log(0.4f) + Math.log(1 - 0.2f)) / 4;
        assertThat(m.logLoss()).isCloseTo(expectedLogLoss, within(1e-6));
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.f1()).isEqualTo(0.5);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.asMap()).containsEntry("roc_auc", 0.75).containsKeys("pr_auc", "log_loss", "brier", "calibration_error");
    }

    @Test
    void shouldLeaveTheAucUndefinedWithOneClassOnly() {
        ClassificationMetrics m = ClassificationMetrics.of(new float[] {1, 1}, new float[] {0.2f, 0.7f}, 0.5);

        assertThat(m.rocAuc()).isNaN();
        assertThat(m.calibrationError()).isCloseTo(((1 - 0.2) + (1 - 0.7)) / 2, within(1e-6));
    }
}
