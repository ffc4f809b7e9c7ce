package io.adlift.pipeline.job;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.tracking.RunTracking;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * What an operator does to a run that exists: restart it, recover it after its process was killed,
 * stop it, abandon it. Each refuses, with the reason and what to do instead, when the run's state does
 * not allow it.
 */
@Component
public class RunOperations {

    /** Thrown when the run is in a state that does not allow the operation. */
    public static final class NotAllowedException extends RuntimeException {
        private final boolean running;

        NotAllowedException(String message, boolean running) {
            super(message);
            this.running = running;
        }

        /** The refusal is because the run is (or looks) still running. */
        public boolean running() {
            return running;
        }
    }

    private final JobOperator jobOperator;
    private final JobRepository repository;
    private final RunProcesses processes;
    private final Map<String, Job> jobs;
    private final LaunchLock launchLock;
    private final UnchangedInputs unchangedInputs;
    private final RunTracking runTracking;

    RunOperations(JobOperator jobOperator, JobRepository repository, RunProcesses processes, List<Job> jobs,
            LaunchLock launchLock, UnchangedInputs unchangedInputs, RunTracking runTracking) {
        this.jobOperator = jobOperator;
        this.repository = repository;
        this.processes = processes;
        this.jobs = jobs.stream().collect(java.util.stream.Collectors.toMap(Job::getName, j -> j));
        this.launchLock = launchLock;
        this.unchangedInputs = unchangedInputs;
        this.runTracking = runTracking;
    }

    public JobExecution execution(long id) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new DefinitionException(List.of("no run with execution id " + id + "; see 'adlift runs'"));
        }
        return execution;
    }

    /** Restarts a failed or stopped run: its completed steps are skipped, the failed one resumes. */
    public JobExecution restart(JobExecution execution) throws Exception {
        // Checked under the launch lock, from the repository as it is now: a restart of the same run at the
        // same moment has either created its execution already (this one is refused as running) or waits.
        return launchLock.around(() -> restartChecked(execution.getId()));
    }

    private JobExecution restartChecked(long id) throws Exception {
        JobExecution execution = execution(id);
        JobExecution last = repository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            if (last.getStatus().isRunning()) {
                throw new NotAllowedException("already running: run " + id + " was restarted as run " + last.getId()
                        + "; " + runningMessage(last), true);
            }
            throw new NotAllowedException("run " + id + " was already restarted as run " + last.getId()
                    + " (" + last.getStatus() + "); restart that one instead", false);
        }
        BatchStatus status = execution.getStatus();
        if (status.isRunning()) {
            throw new NotAllowedException(runningMessage(execution), true);
        }
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new NotAllowedException("run " + execution.getId() + " is " + status + " and cannot be restarted; "
                    + "use 'adlift run … --rerun' for a fresh run", false);
        }
        unchangedInputs.check(execution);
        // What JobOperator.restart does, with Adlift's own jobs: Boot's batch configuration leaves the job
        // registry that restart(JobExecution) looks jobs up in empty. Same parameters, same instance.
        Job job = jobs.get(execution.getJobInstance().getJobName());
        if (job == null) {
            throw new NotAllowedException("run " + execution.getId() + " belongs to job '"
                    + execution.getJobInstance().getJobName() + "', which this version of Adlift does not have; "
                    + "jobs: " + jobs.keySet(), false);
        }
        try {
            return jobOperator.start(job, execution.getJobParameters());
        } catch (JobExecutionAlreadyRunningException e) {
            throw new NotAllowedException(runningMessage(repository.getLastJobExecution(execution.getJobInstance())), true);
        }
    }

    /**
     * Marks a run that was killed hard (left STARTED) as FAILED so that it can be restarted. Refuses when
     * its process is still alive, since restarting a live run would ingest its rows twice.
     */
    public JobExecution recover(JobExecution execution, boolean force) {
        if (!execution.getStatus().isRunning()) {
            throw new NotAllowedException("run " + execution.getId() + " is " + execution.getStatus()
                    + ", not left running; nothing to recover", false);
        }
        RunProcesses.RunProcess process = processes.of(execution.getId()).orElse(null);
        if (!force && process != null && !process.gone()) {
            throw new NotAllowedException("run " + execution.getId() + " was started by " + process + ", which "
                    + (process.alive() ? "is still running; stop it with 'adlift stop " + execution.getId() + "'"
                            : "cannot be checked from this host; if you are sure it is dead, use --force"), true);
        }
        JobExecution recovered = jobOperator.recover(execution);
        runTracking.recovered(recovered);
        return recovered;
    }

    /** Asks a running run to stop at its next commit; it can be restarted afterwards. */
    public void stop(JobExecution execution) throws Exception {
        try {
            jobOperator.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            throw new NotAllowedException("run " + execution.getId() + " is " + execution.getStatus()
                    + ", not running; nothing to stop", false);
        }
    }

    /** Gives up a stopped or failed run for good: it can no longer be restarted. */
    public JobExecution abandon(JobExecution execution) throws Exception {
        if (execution.getStatus().isRunning()) {
            throw new NotAllowedException(runningMessage(execution), true);
        }
        return jobOperator.abandon(execution);
    }

    /** Why a run in a running state cannot be acted on, and what to do. */
    public String runningMessage(JobExecution execution) {
        RunProcesses.RunProcess process = processes.of(execution.getId()).orElse(null);
        String base = "run " + execution.getId() + " of " + execution.getJobParameters().getString(RunContext.PIPELINE)
                + " is " + execution.getStatus();
        if (process != null && process.gone()) {
            return base + ", but its process (" + process + ") is gone: it was killed. Mark it failed with 'adlift recover "
                    + execution.getId() + "', then restart it";
        }
        return base + (process == null ? "" : " in " + process) + "; stop it with 'adlift stop " + execution.getId()
                + "' or wait for it to finish";
    }
}
