package io.adlift.steps.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FeatureEncodingTest {

    private static Function<String, Object> row(Map<String, Object> values) {
        return values::get;
    }

    private final List<FeatureSpec> specs = List.of(
            new FeatureSpec(FeatureKind.ONE_HOT, List.of("age"), null),
            new FeatureSpec(FeatureKind.NUMERIC, List.of("Clicks"), null),
            new FeatureSpec(FeatureKind.RATIO, List.of("Spent", "Clicks"), null),
            new FeatureSpec(FeatureKind.PRODUCT, List.of("Impressions", "Clicks"), null),
            new FeatureSpec(FeatureKind.LOG1P, List.of("Impressions"), null));

    @Test
    void shouldLearnCategoriesFromTrainingRowsOnly() {
        FeatureEncoding encoding = FeatureEncoding.fit(specs, List.of(
                row(Map.of("age", "35-39", "Clicks", 2L, "Spent", 3.0, "Impressions", 10L)),
                row(Map.of("age", "30-34", "Clicks", 0L, "Spent", 0.0, "Impressions", 5L))));

        assertThat(encoding.names()).containsExactly("age=30-34", "age=35-39", "Clicks", "Spent_per_Clicks",
                "Impressions_x_Clicks", "log1p_Impressions");
    }

    @Test
    void shouldEncodeZeroDenominatorsAsMissingAndUnseenCategoriesAsZeros() {
        FeatureEncoding encoding = FeatureEncoding.fit(specs, List.of(
                row(Map.of("age", "35-39", "Clicks", 2L, "Spent", 3.0, "Impressions", 10L))));

        float[] unseen = encoding.encode(row(Map.of("age", "45-49", "Clicks", 0L, "Spent", 1.0, "Impressions", 9L)));

        assertThat(unseen[0]).isZero();
        assertThat(unseen[1]).isZero();
        assertThat(unseen[2]).isNaN();
        assertThat(unseen[3]).isZero();
        assertThat(unseen[4]).isEqualTo((float) Math.log(10));
    }

    @Test
    void shouldRefuseTextInANumericFeature() {
        FeatureEncoding encoding = FeatureEncoding.fit(List.of(new FeatureSpec(FeatureKind.NUMERIC, List.of("age"), null)),
                List.of());

        assertThatThrownBy(() -> encoding.encode(row(Map.of("age", "30-34"))))
                .hasMessageContaining("'30-34'").hasMessageContaining("one-hot");
    }

    @Test
    void shouldRefuseARatioWithOneColumn() {
        assertThatThrownBy(() -> new FeatureSpec(FeatureKind.RATIO, List.of("Spent"), null))
                .hasMessageContaining("ratio feature needs exactly 2");
    }

    @Test
    void shouldWriteNonAsciiCategoriesAsEscapesInFeatureNames() {
        FeatureEncoding encoding = FeatureEncoding.fit(List.of(new FeatureSpec(FeatureKind.ONE_HOT, List.of("gender"), null)),
                List.of(row(Map.of("gender", "M\u00e4nnlich")), row(Map.of("gender", "a[1]"))));

        assertThat(encoding.names()).containsExactly("gender=M\\u00e4nnlich", "gender=a\\u005b1\\u005d");
        assertThat(encoding.encode(row(Map.of("gender", "M\u00e4nnlich")))).containsExactly(1f, 0f);
    }

    @Test
    void shouldEncodeDatePartsFromJdbcJavaTimeAndIsoTextAlike() {
        FeatureEncoding encoding = FeatureEncoding.fit(List.of(
                new FeatureSpec(FeatureKind.HOUR, List.of("at"), null),
                new FeatureSpec(FeatureKind.WEEKDAY, List.of("at"), null),
                new FeatureSpec(FeatureKind.MONTH, List.of("at"), null)), List.of());
        // Friday 2024-03-01, 09:30
        java.time.LocalDateTime at = java.time.LocalDateTime.of(2024, 3, 1, 9, 30);

        assertThat(encoding.names()).containsExactly("at_hour", "at_weekday", "at_month");
        assertThat(encoding.encode(row(Map.of("at", at)))).containsExactly(9f, 5f, 3f);
        assertThat(encoding.encode(row(Map.of("at", java.sql.Timestamp.valueOf(at))))).containsExactly(9f, 5f, 3f);
        assertThat(encoding.encode(row(Map.of("at", "2024-03-01 09:30:00")))).containsExactly(9f, 5f, 3f);
        assertThat(encoding.encode(row(Map.of("at", "2024-03-03")))).containsExactly(0f, 7f, 3f);
        assertThat(encoding.encode(row(Map.of()))).containsOnly(Float.NaN);
    }

    @Test
    void shouldStandardiseByTheTrainingRowsStatisticsAndKeepMissingValuesMissing() {
        List<FeatureSpec> numeric = List.of(new FeatureSpec(FeatureKind.NUMERIC, List.of("x"), null),
                new FeatureSpec(FeatureKind.NUMERIC, List.of("k"), null));
        List<Function<String, Object>> training = List.of(row(Map.of("x", 1.0, "k", 5.0)), row(Map.of("x", 3.0, "k", 5.0)),
                row(Map.of("k", 5.0)));
        FeatureEncoding plain = FeatureEncoding.fit(numeric, training);

        FeatureEncoding scaled = plain.standardize(plain.matrix(training));

        // x: mean 2, population std 1 over the two present values; k is constant, so only centred.
        assertThat(scaled.encode(row(Map.of("x", 4.0, "k", 6.0)))).containsExactly(2f, 1f);
        assertThat(scaled.encode(row(Map.of("k", 5.0)))[0]).isNaN();
        assertThatThrownBy(() -> scaled.select(List.of("x"))).hasMessageContaining("select features before");
    }
}
