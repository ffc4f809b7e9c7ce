package io.adlift.pipeline.ingest;

import io.adlift.steps.ingest.RowRejectedException;
import io.adlift.steps.ingest.TypedRow;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Types a record against its source's schema into the values its staging row holds. An untypeable
 * record is recorded as a reject and filtered out: the processor runs inside the chunk's transaction,
 * so the reject commits exactly when the chunk does, without the cost of a fault-tolerant step.
 */
class TypingProcessor implements ItemProcessor<SourceItem, StagedRow> {

    private final long jobInstanceId;
    private final RejectRecorder rejects;
    private final IngestSplit split;

    TypingProcessor(long jobInstanceId, RejectRecorder rejects, IngestSplit split) {
        this.jobInstanceId = jobInstanceId;
        this.rejects = rejects;
        this.split = split;
    }

    @Override
    public StagedRow process(SourceItem item) {
        TypedRow row;
        try {
            row = item.typer().type(item.record());
        } catch (RowRejectedException e) {
            rejects.record(item.source(), e);
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
        staged[staged.length - 1] = split.label(item.source(), values);
        return new StagedRow(item.source(), staged);
    }
}
