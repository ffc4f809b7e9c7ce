package io.adlift.steps.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

class BucketFeatureTest {

    private static final FeatureSpec SPEND = new FeatureSpec(FeatureKind.BUCKET, List.of("spend"), null);

    private static List<Function<String, Object>> rows(int from, int to) {
        List<Function<String, Object>> rows = new ArrayList<>();
        for (int v = from; v < to; v++) {
            Map<String, Object> row = Map.of("spend", (double) v);
            rows.add(row::get);
        }
        return rows;
    }

    @Test
    void shouldCutAtTheTrainingDecilesAndPutUnseenValuesInTheEndBuckets() {
        FeatureEncoding encoding = FeatureEncoding.fit(List.of(SPEND), rows(0, 100));

        assertThat(encoding.names()).containsExactly("spend_bucket");
        assertThat(encoding.bucketEdges().get("spend_bucket")).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(encoding.encode(col(5.0))).containsExactly(0f);
        assertThat(encoding.encode(col(10.0))).containsExactly(1f);
        assertThat(encoding.encode(col(95.0))).containsExactly(9f);
        assertThat(encoding.encode(col(-1_000.0))).containsExactly(0f);
        assertThat(encoding.encode(col(1e9))).containsExactly(9f);
        assertThat(encoding.encode(col(null))[0]).isNaN();
    }

    @Test
    void shouldLearnTheEdgesFromTheTrainingRowsOnly() {
        FeatureEncoding low = FeatureEncoding.fit(List.of(SPEND), rows(0, 10));
        FeatureEncoding high = FeatureEncoding.fit(List.of(SPEND), rows(1_000, 1_010));

        assertThat(low.encode(col(500.0))).containsExactly(9f);
        assertThat(high.encode(col(500.0))).containsExactly(0f);
    }

    @Test
    void shouldMergeBucketsWhereQuantilesCoincide() {
        List<Function<String, Object>> mostlyZero = rows(0, 1);
        for (int i = 0; i < 98; i++) {
            mostlyZero.addAll(rows(0, 1));
        }
        mostlyZero.addAll(rows(7, 8));

        assertThat(FeatureEncoding.fit(List.of(SPEND), mostlyZero).bucketEdges().get("spend_bucket")).containsExactly(0.0);
    }

    @Test
    void shouldKeepItsEdgesThroughJsonAsServingReadsThem() throws Exception {
        FeatureEncoding encoding = FeatureEncoding.fit(List.of(SPEND), rows(0, 100));
        ObjectMapper json = new ObjectMapper();

        FeatureEncoding read = json.readValue(json.writeValueAsString(encoding), FeatureEncoding.class);

        assertThat(read.encode(col(42.0))).containsExactly(encoding.encode(col(42.0)));
    }

    private static Function<String, Object> col(Double value) {
        return name -> value;
    }
}
