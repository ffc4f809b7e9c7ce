package io.adlift.pipeline.ingest;

import io.adlift.steps.ingest.RecordTyper;
import io.adlift.steps.ingest.RowRejectedException;
import io.adlift.steps.ingest.SourceRecord;
import io.adlift.steps.ingest.TypedRow;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Turns the records of one open source file into staging rows: typed against the file's header, with
 * provenance and split label. An untypeable record is recorded as a reject and gives no row; this
 * runs inside the chunk's transaction, so the reject commits exactly when the chunk does.
 */
final class SourceStager {

    private final String source;
    private final RecordTyper typer;
    private final long jobInstanceId;
    private final RejectRecorder rejects;
    private final IngestSplit split;

    SourceStager(String source, RecordTyper typer, long jobInstanceId, RejectRecorder rejects, IngestSplit split) {
        this.source = source;
        this.typer = typer;
        this.jobInstanceId = jobInstanceId;
        this.rejects = rejects;
        this.split = split;
    }

    /** The staging row of {@code record}, or null when it was rejected. */
    StagedRow stage(SourceRecord record) {
        TypedRow row;
        try {
            row = typer.type(record);
        } catch (RowRejectedException e) {
            rejects.record(source, e);
            return null;
        }
        Object[] values = row.values();
        Object[] staged = new Object[values.length + 4];
        staged[0] = jobInstanceId;
        staged[1] = row.file();
        staged[2] = row.line();
        for (int i = 0; i < values.length; i++) {
            staged[i + 3] = values[i] instanceof LocalDate d ? Date.valueOf(d) : values[i];
        }
        staged[staged.length - 1] = split.label(source, values);
        return new StagedRow(source, staged);
    }
}
