package io.adlift.steps.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every generator promises, whatever its pipeline: tests that each generator's test inherits. */
interface GeneratorContract {

    Generator generator();

    /** The files the generator writes, in order. */
    List<String> fileNames();

    @Test
    default void shouldWriteByteIdenticalFilesForTheSameSeedAndDifferentOnesForAnother(@TempDir Path dir)
            throws Exception {
        List<String> a = Table.sha256(generator().generate(dir.resolve("a"), 20_000, 7, GenerationListener.NONE));
        List<String> b = Table.sha256(generator().generate(dir.resolve("b"), 20_000, 7, GenerationListener.NONE));
        List<String> c = Table.sha256(generator().generate(dir.resolve("c"), 20_000, 8, GenerationListener.NONE));

        assertThat(a).hasSize(fileNames().size()).isEqualTo(b).doesNotContainAnyElementsOf(c);
    }

    @Test
    default void shouldWriteOneFilePerSourceWithUnixLineEnds(@TempDir Path dir) throws Exception {
        List<Path> files = generator().generate(dir, 1_000, 1, GenerationListener.NONE);

        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(fileNames());
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).doesNotContain("\r").doesNotContain(",,").doesNotContain("\"").endsWith("\n");
        }
    }

    @Test
    default void shouldReportProgressUpToTheLastRow(@TempDir Path dir) throws Exception {
        List<Long> reported = new ArrayList<>();

        generator().generate(dir, 100_001, 1, (written, total) -> reported.add(written));

        assertThat(reported).containsExactly(100_000L, 100_001L);
    }
}
