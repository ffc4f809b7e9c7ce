package io.adlift.pipeline.ingest;

import io.adlift.pipeline.job.RunContext;
import io.adlift.pipeline.storage.SourceTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import io.adlift.pipeline.storage.RowSink;

/** Inserts a chunk's typed rows into their sources' staging tables through the database's row sink. */
class StagingWriter implements ItemWriter<StagedRow> {

    private final RunContext run;
    private final RowSink sink;
    private final Map<String, SourceTables> tables;

    StagingWriter(RunContext run, RowSink sink, Map<String, SourceTables> tables) {
        this.run = run;
        this.sink = sink;
        this.tables = tables;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        Map<String, List<Object[]>> bySource = new LinkedHashMap<>();
        for (StagedRow staged : chunk) {
            Object[] values = staged.row().values();
            Object[] args = new Object[values.length + 3];
            args[0] = run.jobInstanceId();
            args[1] = staged.row().file();
            args[2] = staged.row().line();
            for (int i = 0; i < values.length; i++) {
                args[i + 3] = values[i] instanceof LocalDate d ? Date.valueOf(d) : values[i];
            }
            bySource.computeIfAbsent(staged.source(), s -> new ArrayList<>()).add(args);
        }
        bySource.forEach((source, rows) -> sink.insert(tables.get(source).staging(), tables.get(source).stagingColumns(),
                rows));
    }
}
