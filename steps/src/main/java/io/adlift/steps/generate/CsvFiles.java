package io.adlift.steps.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens generated files: UTF-8, a large buffer for ten-million-row files, the header line first. */
final class CsvFiles {

    private CsvFiles() {
    }

    static BufferedWriter create(Path file, String header) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 20);
        out.write(header);
        out.write('\n');
        return out;
    }
}
