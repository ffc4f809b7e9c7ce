package io.adlift.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void shouldOrderRunsOfDigitsAsNumbers() {
        List<String> ids = List.of("campaign_100", "campaign_9", "1178", "916", "campaign_10", "936", "b", "a2", "a10");
        assertThat(ids.stream().sorted(NaturalOrder.INSTANCE).toList())
                .containsExactly("916", "936", "1178", "a2", "a10", "b", "campaign_9", "campaign_10", "campaign_100");
    }

    @Test
    void shouldBreakTiesOfEqualNumbersByText() {
        assertThat(NaturalOrder.INSTANCE.compare("07", "7")).isNotZero();
        assertThat(NaturalOrder.INSTANCE.compare("x", "x")).isZero();
    }
}
