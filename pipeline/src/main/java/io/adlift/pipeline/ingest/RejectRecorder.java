package io.adlift.pipeline.ingest;

import io.adlift.pipeline.run.RunContext;
import io.adlift.steps.ingest.RowRejectedException;

/**
 * Records a rejected record in the reject table. It is called inside the chunk's transaction, so a
 * reject is committed exactly when the chunk is: a crash never loses one nor, after a restart,
 * records one twice.
 */
final class RejectRecorder {

    private final RunContext run;
    private final RejectTable rejects;

    RejectRecorder(RunContext run, RejectTable rejects) {
        this.run = run;
        this.rejects = rejects;
    }

    void record(String source, RowRejectedException r) {
        rejects.insert(run, "ingest", source, r.file(), r.line(), r.column(), r.reason(), r.raw());
    }
}
