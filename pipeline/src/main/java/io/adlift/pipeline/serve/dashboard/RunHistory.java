package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.job.RunOutcome;
import io.adlift.pipeline.model.DeploymentTable;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import io.adlift.pipeline.tracking.RunTracking;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A pipeline's latest runs from the job repository, each with its MLflow run page when it was tracked there. */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
public class RunHistory {

    /**
     * @param mlflowUrl the run's page in the MLflow UI; null when the run was tracked locally
     * @param steps     each step's name and status, in order: a run's progress while it runs
     * @param outcome   the status with the deploy decision ("completed, not deployed: …"), as the CLI says it
     */
    public record Run(long executionId, String pipeline, String businessDate, String status, RunOutcome outcome,
            String exitCode,
            String startTime, String endTime, String mlflowRunId, String mlflowUrl, List<Step> steps) {
    }

    public record Step(String name, String status, long read, long written) {
    }

    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final DeploymentTable deployments;

    RunHistory(JdbcTemplate jdbc, JobRepository repository, DeploymentTable deployments) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.deployments = deployments;
    }

    List<Run> latest(String pipeline, int limit) {
        // The job parameter 'pipeline' names the run's pipeline; the repository API has no query by parameter.
        List<Long> ids = jdbc.queryForList("SELECT e.job_execution_id FROM batch_job_execution e "
                + "JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id "
                + "WHERE p.parameter_name = 'pipeline' AND p.parameter_value = ? ORDER BY e.job_execution_id DESC LIMIT ?",
                Long.class, pipeline, limit);
        return ids.stream().map(this::of).filter(Objects::nonNull).toList();
    }

    /** One run by execution id, or null when there is none. */
    public Run of(long executionId) {
        JobExecution e = repository.getJobExecution(executionId);
        if (e == null) {
            return null;
        }
        var context = e.getExecutionContext();
        String location = context.containsKey(RunTracking.LOCATION) ? context.getString(RunTracking.LOCATION) : null;
        String runId = context.containsKey(RunTracking.RUN_ID) ? context.getString(RunTracking.RUN_ID) : null;
        List<Step> steps = e.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparing(s -> s.getId()))
                .map(s -> new Step(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount())).toList();
        return new Run(e.getId(), e.getJobParameters().getString("pipeline"),
                String.valueOf(e.getJobParameters().getLocalDate("businessDate")), e.getStatus().name(),
                RunOutcome.of(e.getStatus(), deployments.of(e.getJobInstance().getInstanceId())), e.getExitStatus().getExitCode(), String.valueOf(e.getStartTime()), String.valueOf(e.getEndTime()), runId,
                location != null && location.startsWith("http") ? location : null, steps);
    }
}
