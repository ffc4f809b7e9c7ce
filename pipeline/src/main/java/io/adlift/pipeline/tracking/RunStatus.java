package io.adlift.pipeline.tracking;

import org.springframework.batch.core.BatchStatus;

/** A tracked run's end, in MLflow's terms: it follows the job's. */
public enum RunStatus {
    FINISHED, FAILED, KILLED;

    /** COMPLETED is FINISHED, STOPPED is KILLED (a stopped run can be restarted), anything else FAILED. */
    static RunStatus of(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> FINISHED;
            case STOPPED, STOPPING -> KILLED;
            default -> FAILED;
        };
    }
}
