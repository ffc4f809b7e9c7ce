package io.adlift.steps.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChampionComparisonTest {

    @Test
    void shouldRefuseAModelWorseThanTheChampionByMoreThanTheMargin() {
        GateDecision decision = new ChampionComparison("rmse", 0.05).decide(1.20, 1.10, 3);

        assertThat(decision.passed()).isFalse();
        assertThat(decision.reasons()).containsExactly("rmse = 1.2000 against the champion (version 3) 1.1000 on the "
                + "same test rows; worse by 0.1000, more than the margin 0.0500");
    }

    @Test
    void shouldKeepTheDirectionOfEachMetric() {
        assertThat(new ChampionComparison("r2", 0.01).decide(0.70, 0.705, 1).passed()).isTrue();
        assertThat(new ChampionComparison("r2", 0.01).decide(0.60, 0.70, 1).passed()).isFalse();
        assertThat(new ChampionComparison("roc_auc", 0).decide(0.81, 0.80, 1).reasons().get(0)).endsWith("not worse");
        assertThat(new ChampionComparison("log_loss", 0).decide(0.31, 0.30, 1).passed()).isFalse();
    }

    @Test
    void shouldCombineWithTheAbsoluteGateKeepingOnlyTheReasonsThatFailed() {
        GateDecision absolute = new GateDecision(true, List.of("r2 = 0.70 ≥ 0.50"));
        GateDecision champion = new GateDecision(false, List.of("worse than the champion"));

        assertThat(absolute.and(champion)).isEqualTo(new GateDecision(false, List.of("worse than the champion")));
        assertThat(absolute.and(new GateDecision(true, List.of("not worse"))).reasons())
                .containsExactly("r2 = 0.70 ≥ 0.50", "not worse");
    }
}
