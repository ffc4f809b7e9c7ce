package io.adlift.steps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureMatrixTest {

    @Test
    void shouldRejectValuesThatDoNotFillRowsTimesColumns() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FeatureMatrix(List.of("a", "b"), 2, new float[3]))
                .withMessageContaining("values has 3 entries")
                .withMessageContaining("2 rows × 2 features need 4");
    }

    @Test
    void shouldRejectDuplicateFeatureNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FeatureMatrix(List.of("a", "a"), 1, new float[2]))
                .withMessageContaining("'a' appears more than once");
    }

    @Test
    void shouldCountColumnsFromTheFeatureNames() {
        assertThat(new FeatureMatrix(List.of("a", "b", "c"), 1, new float[3]).columns()).isEqualTo(3);
    }

    @Test
    void shouldCompareMatricesByTheirValues() {
        FeatureMatrix one = new FeatureMatrix(List.of("a"), 2, new float[] {1, Float.NaN});
        FeatureMatrix same = new FeatureMatrix(List.of("a"), 2, new float[] {1, Float.NaN});
        FeatureMatrix other = new FeatureMatrix(List.of("a"), 2, new float[] {1, 2});

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    }
}
