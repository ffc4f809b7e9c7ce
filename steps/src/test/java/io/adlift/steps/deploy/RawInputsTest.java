package io.adlift.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.ingest.ColumnType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The raw columns' MLflow types are what pandas.read_csv makes of the training values. */
class RawInputsTest {

    private static Function<String, Object> row(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values::get;
    }

    @Test
    void shouldTypeEachColumnAsReadCsvReadsIt() {
        List<RawInputs.Field> fields = List.of(new RawInputs.Field("clicks", ColumnType.INTEGER, true),
                new RawInputs.Field("gaps", ColumnType.INTEGER, false),
                new RawInputs.Field("spend", ColumnType.DECIMAL, true),
                new RawInputs.Field("budget", ColumnType.DECIMAL, true),
                new RawInputs.Field("campaign", ColumnType.STRING, true),
                new RawInputs.Field("code", ColumnType.STRING, true),
                new RawInputs.Field("day", ColumnType.DATE, false));
        List<Function<String, Object>> rows = List.of(
                row("clicks", 3L, "gaps", 1L, "spend", 1.5, "budget", 5000.0, "campaign", "916", "code", "A1",
                        "day", java.time.LocalDate.of(2026, 1, 5)),
                row("clicks", 0L, "spend", 2.0, "budget", 7000.0, "campaign", "1178", "code", "B2"));

        RawInputs raw = RawInputs.of(fields, rows, "regression", 0.5, List.of(new KnownAnswer("clicks", 0, 0)), 1);

        assertThat(raw.columns()).extracting(RawInputs.Column::type)
                .containsExactly("long", "double", "double", "long", "long", "string", "string");
        assertThat(raw.columns()).extracting(RawInputs.Column::required)
                .containsExactly(true, false, true, true, true, true, false);
        assertThat(raw.example()).singleElement().satisfies(example -> {
            // the example holds values as the frame would: digits-only text as a number, dates as ISO text
            assertThat(example).containsEntry("campaign", 916L).containsEntry("budget", 5000L)
                    .containsEntry("day", "2026-01-05").containsEntry("code", "A1");
        });
    }

    @Test
    void shouldRecordEachColumnsDomainWithItsDefault() {
        List<RawInputs.Field> fields = List.of(new RawInputs.Field("campaign", ColumnType.STRING, true),
                new RawInputs.Field("interest", ColumnType.INTEGER, true, true),
                new RawInputs.Field("clicks", ColumnType.INTEGER, true),
                new RawInputs.Field("spend", ColumnType.DECIMAL, true));
        List<Function<String, Object>> rows = List.of(
                row("campaign", "1178", "interest", 10L, "clicks", 4L, "spend", 1.5),
                row("campaign", "916", "interest", 10L, "clicks", 1L, "spend", 9.0),
                row("campaign", "1178", "interest", 2L, "clicks", 100L, "spend", 0.5),
                row("campaign", null, "interest", 2L, "clicks", 3L, "spend", null));

        RawInputs raw = RawInputs.of(fields, rows, "regression", 0.5, List.of(), 0);

        RawInputs.Column campaign = raw.columns().get(0);
        assertThat(campaign.categories()).containsExactly("1178", "916");
        assertThat(campaign.defaultValue()).isEqualTo("1178");
        assertThat(campaign.min()).isNull();
        RawInputs.Column interest = raw.columns().get(1);
        assertThat(interest.categories()).as("a one-hot integer is categorical, ties in text order")
                .containsExactly("10", "2");
        RawInputs.Column clicks = raw.columns().get(2);
        assertThat(clicks.categories()).isNull();
        assertThat(clicks.min()).isEqualTo(1.0);
        assertThat(clicks.max()).isEqualTo(100.0);
        assertThat(clicks.defaultValue()).as("the median, whole for an integer column").isEqualTo(3L);
        assertThat(raw.columns().get(3).defaultValue()).isEqualTo(1.5);
    }

    @Test
    void shouldNotListTheValuesOfAColumnWithTooManyOfThem() {
        List<RawInputs.Field> fields = List.of(new RawInputs.Field("user", ColumnType.STRING, true));
        List<Function<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i <= RawInputs.MAX_CATEGORIES; i++) {
            rows.add(row("user", "u" + i));
        }
        assertThat(RawInputs.of(fields, rows, "regression", 0.5, List.of(), 0).columns().get(0).categories()).isNull();
    }

    @Test
    void shouldAnswerAKnownRecordWithoutTheModel() {
        KnownAnswer rule = new KnownAnswer("ads", 0, 0);

        assertThat(rule.answer(row("ads", 0L))).contains(0.0);
        assertThat(rule.answer(row("ads", 2L))).isEmpty();
        assertThat(rule.answer(row("ads", null))).isEmpty();
    }
}
