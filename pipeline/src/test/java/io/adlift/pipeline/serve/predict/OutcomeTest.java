package io.adlift.pipeline.serve.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.ShippedPipelines;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private final PipelineCatalog catalog = ShippedPipelines.catalog();

    @Test
    void shouldAnswerAClassifiersClassWithItsProbability() {
        Outcome outcome = Outcome.of(catalog.get("session-conversion"), "EUR");

        assertThat(outcome.target()).isEqualTo("converted");
        assertThat(outcome.unit()).startsWith("class (1: ").endsWith(", 0: none), with its probability");
    }

    @Test
    void shouldAnswerAValueInTheReportingCurrency() {
        assertThat(Outcome.of(catalog.get("campaign-clv"), "EUR").unit()).isEqualTo("EUR");
    }

    @Test
    void shouldAnswerAnyOtherRegressionAsACount() {
        Outcome outcome = Outcome.of(catalog.get("campaign-purchases"), "EUR");

        assertThat(outcome.target()).isEqualTo("purchases");
        assertThat(outcome.unit()).endsWith(" (count)").isEqualTo(outcome.label().toLowerCase(java.util.Locale.ROOT) + " (count)");
    }
}
