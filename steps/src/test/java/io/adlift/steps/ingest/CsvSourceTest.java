package io.adlift.steps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSourceTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("in.csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<SourceRecord> readAll(CsvSource source) {
        List<SourceRecord> records = new ArrayList<>();
        source.forEachRemaining(records::add);
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n"})
    void shouldReadAnyLineEndingWithCorrectLineNumbers(String eol) throws IOException {
        Path file = write("a,b" + eol + "1,2" + eol + "3,4" + eol + "5,6");

        try (CsvSource source = CsvSource.open(file, 0)) {
            List<SourceRecord> records = readAll(source);

            assertThat(source.header()).containsExactly("a", "b");
            assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 3L, 4L);
            assertThat(records.get(2).fields()).containsExactly("5", "6");
        }
    }

    @Test
    void shouldStripByteOrderMarkFromFirstHeader() throws IOException {
        Path file = write("\uFEFFad_id,clicks\n1,2\n");

        try (CsvSource source = CsvSource.open(file, 0)) {
            assertThat(source.header()).containsExactly("ad_id", "clicks");
        }
    }

    @Test
    void shouldKeepQuotedNewlinesAndCountTheRecordFromItsFirstLine() throws IOException {
        Path file = write("id,note\n1,\"two\nlines, and \"\"quotes\"\"\"\n2,plain\n");

        try (CsvSource source = CsvSource.open(file, 0)) {
            List<SourceRecord> records = readAll(source);

            assertThat(records.get(0).fields().get(1)).isEqualTo("two\nlines, and \"quotes\"");
            assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 4L);
        }
    }

    @Test
    void shouldReportUnterminatedQuoteAsOneMalformedRecordNamingTheLines() throws IOException {
        Path file = write("id,note\n1,ok\n2,\"never closed\n3,lost\n4,lost too\n");

        try (CsvSource source = CsvSource.open(file, 0)) {
            List<SourceRecord> records = readAll(source);

            assertThat(records).hasSize(2);
            assertThat(records.get(1).malformed()).contains("lines 3-").contains("never closed");
            assertThat(records.get(1).line()).isEqualTo(3);
        }
    }

    @Test
    void shouldEndTheFileAtARecordLongerThanTheLimitNamingItsLineInsteadOfHoldingItInMemory() throws IOException {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 1; i <= 2_000; i++) {
            text.append(i).append(",short\n"); // many records per buffer the parser reads ahead
        }
        text.append("2001,").append("x".repeat(100_000)).append("\n2002,after\n");
        Path file = write(text.toString());

        try (CsvSource source = CsvSource.open(file, 0, 20_000)) {
            List<SourceRecord> records = readAll(source);

            assertThat(records).hasSize(2_001);
            assertThat(records.get(1_999).malformed()).isNull();
            SourceRecord tooLong = records.get(2_000);
            assertThat(tooLong.line()).isEqualTo(2_002);
            assertThat(tooLong.endsTheFile()).isTrue();
            assertThat(tooLong.malformed()).startsWith("starts a record longer than 20,000 characters");
        }
    }

    @Test
    void shouldResumeAfterTheRecordsAlreadyCommitted() throws IOException {
        Path file = write("a\n1\n2\n3\n4\n");

        try (CsvSource source = CsvSource.open(file, 2)) {
            List<SourceRecord> records = readAll(source);

            assertThat(records).extracting(r -> r.fields().get(0)).containsExactly("3", "4");
            assertThat(records.get(0).recordNumber()).isEqualTo(3);
            assertThat(source.recordsRead()).isEqualTo(4);
        }
    }

    @Test
    void shouldNameTheFileWhenItDoesNotExist() {
        assertThatThrownBy(() -> CsvSource.open(dir.resolve("nope.csv"), 0))
                .hasMessageContaining("nope.csv").hasMessageContaining("no such file");
    }

    @Test
    void shouldReadTheRealKaggleFileWithOldMacLineEnds() throws IOException {
        Path kag = Path.of("..", "examples", "data", "KAG_conversion_data.csv");

        try (CsvSource source = CsvSource.open(kag, 0)) {
            List<SourceRecord> records = readAll(source);

            assertThat(records).hasSize(1143);
            assertThat(records).allSatisfy(r -> assertThat(r.fields()).hasSize(11));
            assertThat(records.get(1142).line()).isEqualTo(1144);
        }
    }

    @Test
    void shouldMarkBytesThatAreNotUtf8ForTheTyperToReject() throws IOException {
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, new byte[] {'a', 'g', 'e', '\n', '3', '0', '-', '3', '4', '\n', '3', '0', (byte) 0x96, '3', '4', '\n'});

        try (CsvSource source = CsvSource.open(file, 0)) {
            List<SourceRecord> records = readAll(source);

            assertThat(records).extracting(r -> r.fields().get(0)).containsExactly("30-34", "30\uFFFD34");
        }
    }

    @Test
    void shouldSayAnEmptyFileIsEmpty() throws IOException {
        Path file = write("\uFEFF");

        assertThatThrownBy(() -> CsvSource.open(file, 0)).hasMessageContaining("the file is empty");
    }
}
