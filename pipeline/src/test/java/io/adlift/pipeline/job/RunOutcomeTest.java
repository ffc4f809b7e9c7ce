package io.adlift.pipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.pipeline.model.DeploymentTable.Deployment;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import tools.jackson.databind.json.JsonMapper;

class RunOutcomeTest {

    @Test
    void shouldNameTheGatesCriterionOfARefusedRun() {
        RunOutcome outcome = RunOutcome.of(BatchStatus.COMPLETED,
                Optional.of(new Deployment("refused", "test.r2 0.61 < champion 0.70", null, null)));

        assertThat(outcome.text()).isEqualTo("completed, not deployed: test.r2 0.61 < champion 0.70");
        assertThat(outcome.notDeployed()).isTrue();
    }

    @Test
    void shouldSayADeployedRunsVersion() {
        RunOutcome outcome = RunOutcome.of(BatchStatus.COMPLETED,
                Optional.of(new Deployment("deployed", "test.r2 0.70 >= 0.5", 3, "/models/m/3")));

        assertThat(outcome.text()).isEqualTo("completed, deployed (version 3)");
        assertThat(outcome.notDeployed()).isFalse();
    }

    @Test
    void shouldSayADeploymentTheGateRefusedButTheDefinitionAllowed() {
        assertThat(RunOutcome.of(BatchStatus.COMPLETED,
                Optional.of(new Deployment("deployed-unvalidated", "test.r2 0.4 < 0.5", 2, "/m"))).text())
                .isEqualTo("completed, deployed version 2 although the gate refused it: test.r2 0.4 < 0.5");
    }

    @Test
    void shouldSayJustCompletedForAKpiOnlyRunAndTheStatusOtherwise() {
        assertThat(RunOutcome.of(BatchStatus.COMPLETED, Optional.empty()).text()).isEqualTo("completed");
        assertThat(RunOutcome.of(BatchStatus.FAILED, Optional.empty()).text()).isEqualTo("failed");
        // a failed restart of a run that had deployed is still a failed run
        assertThat(RunOutcome.of(BatchStatus.FAILED, Optional.of(new Deployment("refused", "x", null, null))).text())
                .isEqualTo("failed");
    }

    @Test
    void shouldBeItsPhraseInJson() {
        assertThat(JsonMapper.builder().build().writeValueAsString(RunOutcome.of(BatchStatus.COMPLETED, Optional.empty())))
                .isEqualTo("\"completed\"");
    }
}
