package io.adlift.steps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTyperTest {

    private final SourceSchema schema = new SourceSchema("ads", List.of(
            new ColumnSpec("ad_id", ColumnType.INTEGER, true),
            new ColumnSpec("Spent", ColumnType.DECIMAL, true),
            new ColumnSpec("day", ColumnType.DATE, false),
            new ColumnSpec("gender", ColumnType.STRING, false)));

    private final RecordTyper typer = new RecordTyper(schema, "ads.csv", List.of("gender", "Spent", "ad_id", "day", "extra"));

    private static SourceRecord record(long line, String... fields) {
        return SourceRecord.of("ads.csv", line - 1, line, List.of(fields));
    }

    @Test
    void shouldTypeFieldsByHeaderNameWhateverTheirOrder() {
        TypedRow row = typer.type(record(2, "M", "1.5", "708746", "2017-08-17", "x"));

        assertThat(row.values()).containsExactly(708746L, 1.5, LocalDate.of(2017, 8, 17), "M");
    }

    @Test
    void shouldReadTimestampsWithATOrASpaceAndRejectOthersNamingTheColumn() {
        RecordTyper timestamps = new RecordTyper(new SourceSchema("sessions", List.of(
                new ColumnSpec("session_start", ColumnType.TIMESTAMP, true))), "sessions.csv", List.of("session_start"));

        assertThat(timestamps.type(record(2, "2024-03-01T09:30:15")).values())
                .containsExactly(LocalDateTime.of(2024, 3, 1, 9, 30, 15));
        assertThat(timestamps.type(record(3, "2024-03-01 09:30")).values())
                .containsExactly(LocalDateTime.of(2024, 3, 1, 9, 30));
        assertThatThrownBy(() -> timestamps.type(record(4, "01/03/2024 09:30")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isEqualTo("session_start");
                    assertThat(e.reason()).startsWith("not an ISO timestamp");
                });
    }

    @Test
    void shouldTurnEmptyFieldsIntoNulls() {
        TypedRow row = typer.type(record(2, "", " ", "7", "", ""));

        assertThat(row.values()).containsExactly(7L, null, null, null);
    }

    @Test
    void shouldRejectNonNumericCountNamingLineAndColumn() {
        assertThatThrownBy(() -> typer.type(record(5, "M", "1.5", "12x", "2017-08-17", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo("ad_id");
                    assertThat(e.reason()).isEqualTo("not an integer: '12x'");
                    assertThat(e.getMessage()).isEqualTo("ads.csv, line 5, column ad_id: not an integer: '12x'");
                });
    }

    @Test
    void shouldRejectJavaOnlyNumberLiteralsThatDoubleParseDoubleWouldTake() {
        for (String literal : List.of("Infinity", "-Infinity", "NaN", "0x1p3", "1.5d", "1e3f", "2F", "0X10")) {
            assertThatThrownBy(() -> typer.type(record(3, "M", literal, "1", "", "")))
                    .as(literal)
                    .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                        assertThat(e.column()).isEqualTo("Spent");
                        assertThat(e.reason()).isEqualTo("not a number: '" + literal + "'");
                    });
        }
    }

    @Test
    void shouldReadPlainDecimalNotation() {
        for (String text : List.of("1", "-1.", ".5", "+2.25", "1e3", "1.5E-3", "-0")) {
            assertThat(typer.type(record(2, "M", text, "1", "", "")).values()[1]).as(text)
                    .isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void shouldRejectMagnitudesTheKpiColumnsCannotSumNamingTheColumn() {
        assertThatThrownBy(() -> typer.type(record(7, "M", "1e30", "1", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.column()).isEqualTo("Spent");
                    assertThat(e.reason()).startsWith("number 1e30 is beyond the largest magnitude allowed, 1e15");
                });
        assertThatThrownBy(() -> typer.type(record(8, "M", "1", "5000000000000000000", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isEqualTo("ad_id");
                    assertThat(e.reason()).startsWith("integer 5000000000000000000 is beyond the largest magnitude");
                });
        assertThatThrownBy(() -> typer.type(record(9, "M", "1", "99999999999999999999", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class,
                        e -> assertThat(e.reason()).startsWith("integer 99999999999999999999 is beyond"));
        assertThatThrownBy(() -> typer.type(record(10, "M", "1e400", "1", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> assertThat(e.reason()).contains("beyond"));

        assertThat(typer.type(record(11, "M", "-1e15", "1000000000000000", "", "")).values())
                .startsWith(1_000_000_000_000_000L, -1e15);
    }

    @Test
    void shouldRejectANulByteInAnyFieldNamingItsColumn() {
        assertThatThrownBy(() -> typer.type(record(4, "M\0", "1.5", "1", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo("gender");
                    assertThat(e.reason()).startsWith("contains a NUL byte (0x00)");
                });
        assertThatThrownBy(() -> typer.type(record(5, "M", "1.5", "1", "", "undeclared\0")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> assertThat(e.column()).isEqualTo("extra"));
    }

    @Test
    void shouldRejectRecordWithWrongFieldCount() {
        assertThatThrownBy(() -> typer.type(record(4, "M", "1.5")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isNull();
                    assertThat(e.reason()).isEqualTo("has 2 fields, the header has 5");
                });
    }

    @Test
    void shouldNameEveryMissingColumnAndTheHeaderFound() {
        assertThatThrownBy(() -> new RecordTyper(schema, "ads.csv", List.of("ad_id", "gender")))
                .isInstanceOf(MissingColumnsException.class)
                .hasMessage("ads.csv, line 1: missing columns Spent, day; the header has [ad_id, gender]");
    }

    @Test
    void shouldRefuseAHeaderThatNamesAColumnTwice() {
        assertThatThrownBy(() -> new RecordTyper(schema, "ads.csv", List.of("ad_id", "Spent", "day", "gender", "Spent")))
                .isInstanceOf(MissingColumnsException.class)
                .hasMessage("ads.csv, line 1: the header names column 'Spent' twice (columns 2 and 5)");
    }

    @Test
    void shouldRejectTextLongerThanAdliftStores() {
        String longText = "x".repeat(ColumnType.MAX_TEXT_LENGTH + 1);

        assertThatThrownBy(() -> typer.type(record(7, longText, "1.5", "1", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isEqualTo("gender");
                    assertThat(e.reason()).contains("1001 characters");
                });
    }

    @Test
    void shouldRejectTextThatWasNotUtf8NamingLineAndColumn() {
        assertThatThrownBy(() -> typer.type(record(9, "M\uFFFD", "1.5", "1", "", "")))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.column()).isEqualTo("gender");
                    assertThat(e.reason()).contains("not valid UTF-8");
                });
    }
}
