package io.adlift.pipeline.schedule;

import io.adlift.pipeline.job.LaunchOutcome;
import io.adlift.pipeline.job.PipelineLauncher;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Runs one fire and restarts its run when it fails, as often as the schedule says, with doubling backoff
 * under Spring's {@link RetryTemplate}. A restart launches the fire again rather than restarting the run by
 * id, so the input is fingerprinted again: the same data resumes the failed run, a re-delivered file with
 * other data is a new run of its own, never mixed in.
 */
final class FireAttempts {

    private static final Logger log = LoggerFactory.getLogger(FireAttempts.class);

    private final ScheduledFire fire;
    private final PipelineLauncher launcher;
    private int attempt;
    private JobExecution execution;

    FireAttempts(ScheduledFire fire, PipelineLauncher launcher) {
        this.fire = fire;
        this.launcher = launcher;
    }

    /** A run that ended FAILED: what the retry policy retries on. */
    private static final class RunFailed extends RuntimeException {
        RunFailed() {
            super(null, null, false, false);
        }
    }

    void run() throws Exception {
        int retries = fire.schedule().retries();
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder().maxRetries(retries)
                .delay(fire.schedule().retryBackoff()).multiplier(2).predicate(RunFailed.class::isInstance).build());
        try {
            retry.execute(this::launchOnce);
        } catch (RetryException e) {
            if (!(e.getLastException() instanceof RunFailed)) {
                throw e.getLastException() instanceof Exception cause ? cause : e;
            }
        }
        log.info("{} fire {} (business date {}): run {} {}", fire.pipeline(), fire.at(), fire.businessDate(),
                execution.getId(), execution.getStatus());
    }

    private LaunchOutcome launchOnce() throws Exception {
        LaunchOutcome outcome = launcher.launch(fire.request());
        execution = outcome.execution();
        attempt++;
        if (outcome.kind() != LaunchOutcome.Kind.RAN) {
            log.info("{} fire {}: {} (run {})", fire.pipeline(), fire.at(),
                    outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), execution.getId());
            return outcome;
        }
        int retries = fire.schedule().retries();
        if (execution.getStatus() == BatchStatus.FAILED && attempt <= retries) {
            Duration backoff = fire.schedule().retryBackoff().multipliedBy(1L << (attempt - 1));
            log.warn("{} fire {}: run {} FAILED; restarting it in {} (retry {} of {})", fire.pipeline(), fire.at(),
                    execution.getId(), backoff, attempt, retries);
        }
        if (execution.getStatus() == BatchStatus.FAILED) {
            throw new RunFailed();
        }
        return outcome;
    }
}
