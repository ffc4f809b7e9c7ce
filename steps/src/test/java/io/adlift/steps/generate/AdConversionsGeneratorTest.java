package io.adlift.steps.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlift.steps.ingest.CsvSource;
import io.adlift.steps.ingest.SourceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdConversionsGeneratorTest {

    @TempDir
    Path dir;

    private final AdConversionsGenerator generator = new AdConversionsGenerator();

    @Test
    void shouldWriteByteIdenticalFilesForTheSameSeedAndDifferentOnesForAnother() throws Exception {
        List<String> a = Table.sha256(generator.generate(dir.resolve("a"), 20_000, 7, GenerationListener.NONE));
        List<String> b = Table.sha256(generator.generate(dir.resolve("b"), 20_000, 7, GenerationListener.NONE));
        List<String> c = Table.sha256(generator.generate(dir.resolve("c"), 20_000, 8, GenerationListener.NONE));

        assertThat(a).isEqualTo(b).doesNotContainAnyElementsOf(c);
    }

    @Test
    void shouldWriteTheKaggleFilesSchemaWithItsShape() throws IOException {
        Path file = generator.generate(dir, 50_000, 3, GenerationListener.NONE).get(0);

        List<SourceRecord> records = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, 0)) {
            assertThat(String.join(",", source.header())).isEqualTo(AdConversionsGenerator.HEADER);
            source.forEachRemaining(records::add);
        }
        assertThat(records).hasSize(50_000);
        long zeroClicks = records.stream().filter(r -> r.fields().get(7).equals("0")).count();
        assertThat(zeroClicks).as("rows without clicks, about one in six as in the real file").isBetween(5_000L, 15_000L);
        assertThat(records).filteredOn(r -> r.fields().get(7).equals("0"))
                .allSatisfy(r -> assertThat(r.fields().get(8)).isEqualTo("0.00"));
        assertThat(records).allSatisfy(r -> assertThat(Long.parseLong(r.fields().get(10)))
                .isBetween(0L, Long.parseLong(r.fields().get(9))));
        long campaign1178 = records.stream().filter(r -> r.fields().get(1).equals("1178")).count();
        assertThat(campaign1178).isBetween(26_000L, 29_000L);
    }

    @Test
    void shouldReportProgressUpToTheLastRow() throws IOException {
        List<Long> reported = new ArrayList<>();

        generator.generate(dir, 250_000, 1, (written, total) -> reported.add(written));

        assertThat(reported).containsExactly(100_000L, 200_000L, 250_000L);
    }
}
