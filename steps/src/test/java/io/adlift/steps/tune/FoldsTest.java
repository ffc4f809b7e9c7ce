package io.adlift.steps.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FoldsTest {

    @Test
    void shouldDealEveryRowIntoOneOfKFoldsOfNearlyEqualSize() {
        int[] fold = Folds.assign(1143, 5, 42, 0);

        int[] sizes = new int[5];
        Arrays.stream(fold).forEach(f -> sizes[f]++);
        assertThat(sizes).containsOnly(228, 229);
        assertThat(Arrays.stream(sizes).sum()).isEqualTo(1143);
    }

    @Test
    void shouldRepeatTheSameFoldsForTheSameSeedAndRepeatAndShuffleOthers() {
        assertThat(Folds.assign(500, 5, 42, 1)).isEqualTo(Folds.assign(500, 5, 42, 1))
                .isNotEqualTo(Folds.assign(500, 5, 42, 2)).isNotEqualTo(Folds.assign(500, 5, 43, 1));
    }

    @Test
    void shouldRefuseMoreFoldsThanRows() {
        assertThatThrownBy(() -> Folds.assign(3, 5, 1, 0)).hasMessageContaining("2 ≤ k ≤ rows");
    }

    @Test
    void shouldSummariseFoldScoresAsMeanAndSampleStandardDeviation() {
        CrossValidatedScore score = new CrossValidatedScore("r2", new double[] {0.6, 0.7, 0.8});

        assertThat(score.mean()).isCloseTo(0.7, within(1e-12));
        assertThat(score.std()).isCloseTo(0.1, within(1e-12));
        assertThat(score.toString()).isEqualTo("r2 0.7000 ± 0.1000 over 3 folds");
    }
}
