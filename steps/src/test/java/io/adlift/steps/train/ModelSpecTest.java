package io.adlift.steps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void shouldRejectFewerThanOneRound() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ModelSpec("gbtree", Map.of(), 0, 1))
                .withMessage("rounds must be at least 1, was 0");
    }

    @Test
    void shouldKeepAnUnmodifiableCopyOfTheParams() {
        Map<String, String> params = new HashMap<>(Map.of("eta", "0.1"));
        ModelSpec spec = new ModelSpec("gbtree", params, 10, 1);
        params.put("max_depth", "3");

        assertThat(spec.params()).containsExactly(Map.entry("eta", "0.1"));
    }
}
