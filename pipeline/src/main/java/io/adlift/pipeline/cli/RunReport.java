package io.adlift.pipeline.cli;

import io.adlift.pipeline.job.Failures;
import io.adlift.pipeline.job.RunOutcome;
import io.adlift.pipeline.model.DeploymentTable;
import io.adlift.pipeline.model.MetricsTable;
import io.adlift.pipeline.tracking.RunTracking;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * What a person or a script wants to know about one job execution: its steps with their counts and
 * durations, rows per source, KPI rows, model metrics and the deploy decision. Shared by the run
 * summary, {@code status} and {@code status --json}.
 */
@Component
class RunReport {

    record StepLine(String name, String status, String exitCode, long read, long written, long filtered, long skipped,
            double seconds) {
    }

    /**
     * @param outcome   the status with the deploy decision: "completed, not deployed: …"
     * @param attempt   1 for a first run, 2 for its first restart, …
     * @param restartOf the execution this one restarted, or null
     * @param lineage   every execution of the same job instance, oldest first
     * @param tracking  the MLflow run ({@code run}, {@code location}) and the registered version
     *                  ({@code model}, {@code version}, {@code alias}); empty when tracking locally
     */
    record Report(long executionId, long instanceId, String pipeline, String businessDate, String status,
            RunOutcome outcome, String exitCode, String exitDescription, String startTime, String endTime, int attempt, Long restartOf,
            List<Long> lineage, List<StepLine> steps, Map<String, Object> counts, Map<String, Double> metrics,
            Map<String, Object> deployment, Map<String, Object> tracking) {
    }

    private final MetricsTable metrics;
    private final DeploymentTable deployments;
    private final Executions executions;

    RunReport(MetricsTable metrics, DeploymentTable deployments, Executions executions) {
        this.metrics = metrics;
        this.deployments = deployments;
        this.executions = executions;
    }

    Report of(JobExecution execution) {
        List<StepLine> steps = new ArrayList<>();
        execution.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).forEach(s ->
                steps.add(new StepLine(s.getStepName(), s.getStatus().name(), s.getExitStatus().getExitCode(),
                        s.getReadCount(), s.getWriteCount(), s.getFilterCount(), s.getSkipCount(),
                        seconds(s.getStartTime(), s.getEndTime()))));
        List<JobExecution> lineage = executions.lineage(execution);
        // Rows per source and KPI rows come from every attempt up to this one: a restart skips the steps
        // that completed before, and their figures are still this run's.
        Map<String, Object> counts = new LinkedHashMap<>();
        lineage.stream().filter(e -> e.getId() <= execution.getId()).forEach(e -> executions.full(e).getStepExecutions()
                .stream().sorted(Comparator.comparing(StepExecution::getId))
                .forEach(s -> s.getExecutionContext().entrySet().stream()
                        .filter(c -> (c.getValue() instanceof Number || c.getKey().equals("train.candidate"))
                                && !c.getKey().startsWith("batch."))
                        .forEach(c -> counts.put(c.getKey(), c.getValue()))));
        long instanceId = execution.getJobInstance().getInstanceId();
        Map<String, Object> deployment = new LinkedHashMap<>();
        Optional<DeploymentTable.Deployment> deployed = deployments.of(instanceId);
        deployed.ifPresent(d -> {
            deployment.put("decision", d.decision());
            deployment.put("reasons", d.reasons());
            deployment.put("version", d.version());
            deployment.put("path", d.modelPath());
        });
        Map<String, Object> tracking = new LinkedHashMap<>();
        var jobContext = executions.full(execution).getExecutionContext();
        if (jobContext.containsKey(RunTracking.RUN_ID)) {
            tracking.put("run", jobContext.getString(RunTracking.RUN_ID));
            tracking.put("location", jobContext.getString(RunTracking.LOCATION, null));
        }
        lineage.stream().filter(e -> e.getId() <= execution.getId()).forEach(e -> executions.full(e).getStepExecutions()
                .stream().filter(s -> s.getExecutionContext().containsKey("deploy.registry-model")).forEach(s -> {
                    tracking.put("model", s.getExecutionContext().getString("deploy.registry-model"));
                    tracking.put("version", s.getExecutionContext().getInt("deploy.registry-version"));
                    tracking.put("alias", s.getExecutionContext().getString("deploy.registry-alias"));
                }));
        List<Long> ids = lineage.stream().map(JobExecution::getId).toList();
        int attempt = ids.indexOf(execution.getId()) + 1;
        Long restartOf = attempt > 1 ? ids.get(attempt - 2) : null;
        return new Report(execution.getId(), instanceId, execution.getJobParameters().getString("pipeline"),
                String.valueOf(execution.getJobParameters().getLocalDate("businessDate")), execution.getStatus().name(),
                RunOutcome.of(execution.getStatus(), deployed), execution.getExitStatus().getExitCode(), failure(execution), String.valueOf(execution.getStartTime()),
                String.valueOf(execution.getEndTime()), attempt, restartOf, ids, steps, counts, metrics.of(instanceId),
                deployment, tracking);
    }

    /**
     * Why the run did not complete, in one sentence: from the failure itself when this process ran it,
     * else as {@link io.adlift.pipeline.job.FailureReason} stored it.
     */
    static String failure(JobExecution execution) {
        Optional<Throwable> failure = execution.getAllFailureExceptions().stream().findFirst();
        if (failure.isPresent()) {
            return Failures.describe(failure.get());
        }
        String stored = execution.getExitStatus().getExitDescription();
        return stored == null || stored.isBlank() ? null : stored.lines().findFirst().orElse(null);
    }

    static ExitCode exitCode(JobExecution execution, Report report) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return report.outcome().notDeployed() ? ExitCode.NOT_DEPLOYED : ExitCode.COMPLETED;
        }
        if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
            return ExitCode.STOPPED;
        }
        return status.isRunning() ? ExitCode.ALREADY_RUNNING : ExitCode.FAILED;
    }

    private static double seconds(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
    }
}
