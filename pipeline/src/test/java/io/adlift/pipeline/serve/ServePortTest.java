package io.adlift.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServePortTest {

    @Test
    void shouldHandPortAndAddressToSpringInBothSpellings() {
        assertThat(ServePort.withServerPort("serve", "--port", "9000", "--address=0.0.0.0"))
                .containsExactly("serve", "--port", "9000", "--address=0.0.0.0", "--server.port=9000",
                        "--server.address=0.0.0.0");
        assertThat(ServePort.withServerPort("serve", "--address", "::1")).contains("--server.address=::1");
    }
}
