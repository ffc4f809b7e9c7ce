package io.adlift.pipeline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.evaluate.GateDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTagsTest {

    @Test
    void shouldNameTheRefusingCriterionOfAModelNotDeployed() {
        assertThat(DecisionTags.of(new GateDecision(false, List.of("r2 = 0.61 is below the minimum 0.70")), false))
                .containsEntry("adlift.decision", "not_deployed")
                .containsEntry("adlift.decision.reason", "r2 = 0.61 is below the minimum 0.70")
                .containsEntry("adlift.gate", "refused");
    }

    @Test
    void shouldSayAModelWasDeployedAlthoughTheGateRefusedIt() {
        assertThat(DecisionTags.of(new GateDecision(false, List.of("rmse = 3.1 is above the maximum 2.0")), true))
                .containsEntry("adlift.decision", "deployed").containsEntry("adlift.gate", "refused")
                .containsEntry("adlift.decision.reason",
                        "deployed although the gate refused (allow-non-validated): rmse = 3.1 is above the maximum 2.0");
    }

    @Test
    void shouldGiveTheFiguresThatHeldForADeployedModel() {
        assertThat(DecisionTags.of(new GateDecision(true, List.of("r2 = 0.70 ≥ 0.50", "rmse = 0.77 ≤ 2.00")), true))
                .containsEntry("adlift.decision", "deployed")
                .containsEntry("adlift.decision.reason", "gate passed: r2 = 0.70 ≥ 0.50; rmse = 0.77 ≤ 2.00")
                .containsEntry("adlift.gate_reasons", "r2 = 0.70 ≥ 0.50; rmse = 0.77 ≤ 2.00");
    }
}
