package io.adlift.pipeline.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps why a run failed in the job repository as one readable sentence (the exit description), so
 * that {@code adlift status} shows it later from any process; Spring Batch would store a stack trace.
 */
@Component
class FailureReason implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.FAILED && !execution.getAllFailureExceptions().isEmpty()) {
            execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(),
                    Failures.describe(execution.getAllFailureExceptions().get(0))));
        }
    }
}
