package io.adlift.pipeline.job;

import org.springframework.batch.core.job.JobExecution;

/**
 * How a launch ended: the execution it ran (or the one that already completed or is running), and
 * which of those it was.
 */
public record LaunchOutcome(Kind kind, JobExecution execution) {

    public enum Kind {
        RAN, ALREADY_COMPLETED, ALREADY_RUNNING
    }
}
