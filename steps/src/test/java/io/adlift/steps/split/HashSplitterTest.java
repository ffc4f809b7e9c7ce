package io.adlift.steps.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HashSplitterTest {

    @Test
    void shouldGiveTheSameLabelsForTheSameSeedWhateverTheOrder() {
        HashSplitter first = new HashSplitter(42, 0.2);
        HashSplitter second = new HashSplitter(42, 0.2);

        List<SplitLabel> forward = LongStream.range(0, 1000).mapToObj(k -> first.label(List.of(k))).toList();
        List<SplitLabel> backward = new java.util.ArrayList<>(LongStream.range(0, 1000).map(k -> 999 - k)
                .mapToObj(k -> second.label(List.of(k))).toList());
        java.util.Collections.reverse(backward);

        assertThat(forward).isEqualTo(backward);
    }

    @Test
    void shouldPutAboutTheTestFractionInTheTestPart() {
        HashSplitter splitter = new HashSplitter(7, 0.2);

        long test = LongStream.range(0, 20_000).filter(k -> splitter.label(List.of(k)) == SplitLabel.TEST).count();

        assertThat(test).isBetween(3_700L, 4_300L);
    }

    @Test
    void shouldSplitDifferentlyWithAnotherSeed() {
        HashSplitter a = new HashSplitter(1, 0.5);
        HashSplitter b = new HashSplitter(2, 0.5);

        long differing = LongStream.range(0, 1000).filter(k -> a.label(List.of(k)) != b.label(List.of(k))).count();

        assertThat(differing).isGreaterThan(300);
    }

    @Test
    void shouldRefuseAFractionOutsideZeroAndOne() {
        assertThatThrownBy(() -> new HashSplitter(1, 1.0)).hasMessageContaining("test-fraction");
    }
}
