package io.adlift.steps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadSourceTest {

    @TempDir
    Path dir;

    private Path file(int rows, String tail) throws Exception {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(",n").append(i).append('\n');
        }
        csv.append(tail);
        Path path = dir.resolve("f.csv");
        Files.writeString(path, csv, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void shouldHandOutTheSameRecordsCountsAndPositionsAsTheFileItself() throws Exception {
        Path path = file(ReadAheadSource.BLOCK * 3 + 5, "");
        List<String> expected = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        try (CsvSource plain = CsvSource.open(path, 2)) {
            while (plain.hasNext()) {
                expected.add(plain.next().fields().toString());
                positions.add(plain.position());
            }
        }
        try (ReadAheadSource ahead = new ReadAheadSource(CsvSource.open(path, 2))) {
            assertThat(ahead.recordsRead()).isEqualTo(2);
            assertThat(ahead.header()).containsExactly("id", "name");
            for (int i = 0; i < expected.size(); i++) {
                assertThat(ahead.hasNext()).isTrue();
                assertThat(ahead.next().fields().toString()).isEqualTo(expected.get(i));
                assertThat(ahead.position()).isEqualTo(positions.get(i));
                assertThat(ahead.recordsRead()).isEqualTo(3 + i);
            }
            assertThat(ahead.hasNext()).isFalse();
        }
    }

    @Test
    void shouldPassOnTheRecordThatEndsAMalformedFile() throws Exception {
        Path path = file(10, "11,\"never closed\n12,x\n");
        try (ReadAheadSource ahead = new ReadAheadSource(CsvSource.open(path, 0))) {
            SourceRecord last = null;
            int count = 0;
            while (ahead.hasNext()) {
                last = ahead.next();
                count++;
            }
            assertThat(count).isEqualTo(11);
            assertThat(last.endsTheFile()).isTrue();
        }
    }

    @Test
    void shouldStopParsingWhenClosedEarly() throws Exception {
        Path path = file(ReadAheadSource.BLOCK * (ReadAheadSource.BLOCKS_AHEAD + 4), "");
        ReadAheadSource ahead = new ReadAheadSource(CsvSource.open(path, 0));
        assertThat(ahead.next().fields()).containsExactly("1", "n1");
        ahead.close();
        assertThat(ahead.recordsRead()).isEqualTo(1);
    }

    @Test
    void shouldRethrowWhatStoppedTheParsing() {
        RecordSource failing = new RecordSource() {
            private int handed;

            @Override
            public boolean hasNext() {
                if (handed == 3) {
                    throw new IllegalStateException("disk gone");
                }
                return true;
            }

            @Override
            public SourceRecord next() {
                handed++;
                return SourceRecord.of("f", handed, handed + 1, List.of(String.valueOf(handed)));
            }

            @Override
            public String file() {
                return "f";
            }

            @Override
            public List<String> header() {
                return List.of("id");
            }

            @Override
            public long recordsRead() {
                return handed;
            }

            @Override
            public long position() {
                return handed;
            }

            @Override
            public void close() {
            }
        };
        ReadAheadSource ahead = new ReadAheadSource(failing);
        assertThatThrownBy(() -> {
            while (ahead.hasNext()) {
                ahead.next();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("disk gone");
    }
}
