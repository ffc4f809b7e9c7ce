package io.adlift.steps.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** An ingest reader strategy: how a source file of some format is opened as records. */
public interface SourceFormat {

    /** The name a pipeline definition uses for this reader ({@code steps.ingest.sources.<s>.reader}). */
    String name();

    /** Opens {@code path}, skipping the first {@code skipRecords} data records. */
    RecordSource open(Path path, long skipRecords) throws IOException;
}
