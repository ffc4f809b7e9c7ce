package io.adlift.steps.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code csv} reader: RFC 4180 CSV with a header line, read by {@link CsvSource}. */
public final class CsvSourceFormat implements SourceFormat {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public RecordSource open(Path path, long skipRecords) throws IOException {
        return CsvSource.open(path, skipRecords);
    }
}
