package io.adlift.pipeline.ingest;

import io.adlift.pipeline.job.RunContext;
import io.adlift.steps.ingest.RowRejectedException;
import org.springframework.batch.core.listener.SkipListener;

/**
 * Records each skipped record in the reject table. Spring Batch calls it inside the chunk's
 * transaction, so a reject is committed exactly when the chunk is: a crash never loses one nor, after
 * a restart, records one twice.
 */
final class RejectRecorder implements SkipListener<SourceItem, StagedRow> {

    private final RunContext run;
    private final RejectTable rejects;

    RejectRecorder(RunContext run, RejectTable rejects) {
        this.run = run;
        this.rejects = rejects;
    }

    @Override
    public void onSkipInProcess(SourceItem item, Throwable t) {
        if (t instanceof RowRejectedException r) {
            rejects.insert(run, "ingest", item.source(), r.file(), r.line(), r.column(), r.reason(), r.raw());
        } else {
            rejects.insert(run, "ingest", item.source(), item.record().file(), item.record().line(), null,
                    String.valueOf(t.getMessage()), item.record().raw());
        }
    }
}
