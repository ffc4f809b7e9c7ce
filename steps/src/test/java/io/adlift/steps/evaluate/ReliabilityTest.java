package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void shouldPlotEachNonEmptyBinsMeanProbabilityAgainstItsObservedRate() {
        float[] actual = {0, 0, 0, 1, 1, 1, 1, 0};
        float[] probability = {0.05f, 0.15f, 0.15f, 0.15f, 0.95f, 0.95f, 0.95f, 0.95f};

        Reliability reliability = Reliability.of(actual, probability);
        double[][] points = reliability.points();

        assertThat(points[0]).hasSize(3);
        assertThat(points[0][1]).isCloseTo(0.15, within(1e-6));
        assertThat(points[1]).containsExactly(0.0, 1.0 / 3, 0.75);
        // |0 − 0.05| + |1 − 0.45| + |3 − 3.8| over 8 rows
        assertThat(reliability.calibrationError()).isCloseTo((0.05 + 0.55 + 0.8) / 8, within(1e-6));
    }
}
