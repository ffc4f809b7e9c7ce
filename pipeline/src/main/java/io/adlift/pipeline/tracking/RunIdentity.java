package io.adlift.pipeline.tracking;

import java.time.LocalDate;

/** What identifies a job execution to a tracker: the tags and name of its run come from it. */
public record RunIdentity(String pipeline, LocalDate businessDate, long jobInstanceId, long jobExecutionId,
        String inputFingerprint) {

    /** {@code <pipeline> <businessDate> #<executionId>}: the run's name in the MLflow UI. */
    String runName() {
        return pipeline + " " + businessDate + " #" + jobExecutionId;
    }
}
