package io.adlift.pipeline.ingest;

import io.adlift.pipeline.storage.RowSink;
import io.adlift.pipeline.storage.SourceTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Inserts a chunk's typed rows into their sources' staging tables through the database's row sink. */
class StagingWriter implements ItemWriter<StagedRow> {

    private final RowSink sink;
    private final Map<String, SourceTables> tables;

    StagingWriter(RowSink sink, Map<String, SourceTables> tables) {
        this.sink = sink;
        this.tables = tables;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        Map<String, List<Object[]>> bySource = new LinkedHashMap<>();
        for (StagedRow staged : chunk) {
            bySource.computeIfAbsent(staged.source(), s -> new ArrayList<>(chunk.size())).add(staged.values());
        }
        bySource.forEach((source, rows) -> sink.insert(tables.get(source).staging(), tables.get(source).stagingColumns(),
                rows));
    }
}
