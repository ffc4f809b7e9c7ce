package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GateTest {

    private final Gate gate = new Gate(List.of(
            GateCriterion.atLeast("r2", 0.5),
            GateCriterion.atMost("rmse", 2.0)));

    @Test
    void shouldPassAndListEachCriterionThatHeld() {
        GateDecision decision = gate.decide(Map.of("r2", 0.74, "rmse", 1.2));

        assertThat(decision.passed()).isTrue();
        assertThat(decision.reasons()).containsExactly("r2 = 0.74 ≥ 0.50", "rmse = 1.20 ≤ 2.00");
    }

    @Test
    void shouldFailAndSayWhichThresholdsWereMissed() {
        GateDecision decision = gate.decide(Map.of("r2", 0.41, "rmse", 2.1));

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly(
                "r2 = 0.41 is below the minimum 0.50",
                "rmse = 2.10 is above the maximum 2.00");
    }

    @Test
    void shouldListOnlyTheFailuresWhenSomeCriteriaHeld() {
        GateDecision decision = gate.decide(Map.of("r2", 0.9, "rmse", 2.5));

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly("rmse = 2.50 is above the maximum 2.00");
    }

    @Test
    void shouldTreatBothBoundsAsInclusive() {
        GateDecision decision = gate.decide(Map.of("r2", 0.5, "rmse", 2.0));

        assertThat(decision.passed()).isTrue();
    }

    @Test
    void shouldShowEnoughDecimalsToTellAValueFromItsThreshold() {
        GateDecision decision = gate.decide(Map.of("r2", 0.4999, "rmse", 1.0));

        assertThat(decision.reasons()).containsExactly("r2 = 0.4999 is below the minimum 0.5000");
    }

    @Test
    void shouldDescribeACriterionWithBothBounds() {
        Gate between = new Gate(List.of(new GateCriterion("r2", 0.5, 0.9)));

        assertThat(between.decide(Map.of("r2", 0.74)).reasons())
                .containsExactly("0.50 ≤ r2 = 0.74 ≤ 0.90");
        assertThat(between.decide(Map.of("r2", 0.95)).reasons())
                .containsExactly("r2 = 0.95 is above the maximum 0.90");
    }

    @Test
    void shouldFailACriterionOnAMetricThatWasNotComputedAndNameTheAvailableOnes() {
        Gate onAuc = new Gate(List.of(GateCriterion.atLeast("auc", 0.7)));

        GateDecision decision = onAuc.decide(
                new RegressionMetrics(10, 1, 1, 0.8, 0.1).asMap());

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly(
                "metric 'auc' was not computed; available metrics are count, mae, mape, r2, rmse");
    }

    @Test
    void shouldFailANaNMetricWhateverTheThreshold() {
        Gate lenient = new Gate(List.of(GateCriterion.atMost("r2", Double.MAX_VALUE),
                GateCriterion.atLeast("rmse", -Double.MAX_VALUE)));

        GateDecision decision = lenient.decide(Map.of("r2", Double.NaN, "rmse", Double.NaN));

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("= NaN is not a number"));
    }

    @Test
    void shouldPassWhenNoCriteriaAreConfigured() {
        GateDecision decision = new Gate(List.of()).decide(Map.of());

        assertThat(decision.passed()).isTrue();
        assertThat(decision.reasons()).containsExactly("no gate criteria are configured");
    }

    @Test
    void shouldRejectACriterionWithoutBounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GateCriterion("r2", null, null))
                .withMessage("gate criterion for 'r2' needs a min, a max or both; it has neither");
    }

    @Test
    void shouldRejectACriterionNoValueCouldPass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GateCriterion("r2", 0.9, 0.5))
                .withMessageContaining("min 0.9 above max 0.5");
    }
}
