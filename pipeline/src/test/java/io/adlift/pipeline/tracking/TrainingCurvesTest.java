package io.adlift.pipeline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {

    @Test
    void shouldLogBothCurvesUnderTheirPrefixWithTheRoundAsStep() {
        List<TrackedRun.Metric> points = TrainingCurves.points("rmse", List.of(3.0, 2.0), List.of(3.5, 2.5));
        assertThat(points).extracting(TrackedRun.Metric::key).containsExactly("curve/train.rmse", "curve/train.rmse",
                "curve/valid.rmse", "curve/valid.rmse");
        assertThat(points).extracting(TrackedRun.Metric::step).containsExactly(0L, 1L, 0L, 1L);
        assertThat(points).extracting(TrackedRun.Metric::value).containsExactly(3.0, 2.0, 3.5, 2.5);
    }

    @Test
    void shouldCallAnUnnamedMetricLoss() {
        assertThat(TrainingCurves.points("", List.of(1.0), List.of())).extracting(TrackedRun.Metric::key)
                .containsExactly("curve/train.loss");
    }

    @Test
    void shouldGiveTheTrainAndTestPartsOfOneInputDistinctDigests() {
        assertThat(DatasetInput.digest("abc", "train", 934)).hasSize(36)
                .isNotEqualTo(DatasetInput.digest("abc", "test", 209))
                .isNotEqualTo(DatasetInput.digest("abd", "train", 934))
                .isEqualTo(DatasetInput.digest("abc", "train", 934));
    }
}
