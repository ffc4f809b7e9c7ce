package io.adlift.pipeline.tracking;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.run.RunContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens the tracked run of each job execution as the job starts and ends it with the job's status.
 * The run's id is kept in the job's execution context, written to the job repository at once (Spring
 * Batch itself would save it only at the next step boundary, and lose it if the first step failed), so
 * a restart of the job instance continues the same run. Steps log to it through {@link #of}.
 *
 * <p>At the start it logs the definition as params and as an artifact; at the end, the steps' counts
 * (params), durations and rows per second (metrics) and a sample of the rejected rows. A tracking
 * server that fails at the start fails the job (restartable); at the end, when the job has already
 * decided, it is only warned about.
 */
@Component
public class RunTracking implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunTracking.class);

    /** The job execution context key of the tracked run's id. */
    public static final String RUN_ID = "tracking.run-id";
    /** The job execution context key of where a person finds the run (its MLflow UI page). */
    public static final String LOCATION = "tracking.location";
    static final int REJECT_SAMPLE = 1000;
    /** The tag MLflow shows as a run's description. */
    static final String DESCRIPTION_TAG = "mlflow.note.content";
    /**
     * Step timings go under MLflow's {@code system/} prefix: its run page shows them on the System metrics tab, so the
     * Model metrics tab starts with the curves and the model's figures instead of a dozen timings.
     */
    static final String TIMING_PREFIX = "system/step.";

    private final RunTracker tracker;
    private final PipelineCatalog catalog;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final Map<Long, TrackedRun> open = new ConcurrentHashMap<>();

    RunTracking(RunTracker tracker, PipelineCatalog catalog, JobRepository jobRepository, JdbcTemplate jdbc) {
        this.tracker = tracker;
        this.catalog = catalog;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /** The tracked run's id of a job execution (MLflow's run id), or null without one. */
    public static String runId(JobExecution execution) {
        return execution.getExecutionContext().getString(RUN_ID, null);
    }

    /** The run the job of {@code step} is tracked in. */
    public TrackedRun of(StepExecution step) {
        TrackedRun run = open.get(step.getJobExecution().getId());
        if (run == null) {
            throw new IllegalStateException("job execution " + step.getJobExecution().getId()
                    + " has no tracked run: the job was not started through its job definition");
        }
        return run;
    }

    /** The tracker in use: {@code mlflow} or {@code local}. */
    public String trackerName() {
        return tracker.name();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        var params = execution.getJobParameters();
        Pipeline pipeline = catalog.get(params.getString(RunContext.PIPELINE));
        TrackedRun run = tracker.open(identity(execution), runId(execution));
        open.put(execution.getId(), run);
        run.id().ifPresent(id -> {
            execution.getExecutionContext().putString(RUN_ID, id);
            execution.getExecutionContext().putString(LOCATION, run.location());
            jobRepository.updateExecutionContext(execution);
        });
        run.setTags(Map.of(DESCRIPTION_TAG, RunDescription.of(pipeline, identity(execution))));
        run.logParams(Params.of(pipeline.definition()));
        run.logArtifact("pipeline/" + pipeline.file().getFileName(), pipeline.resolvedYaml().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void afterJob(JobExecution execution) {
        TrackedRun run = open.remove(execution.getId());
        if (run == null) {
            return;
        }
        try {
            List<StepExecution> steps = stepsSoFar(execution);
            run.logParams(counts(steps));
            run.logMetrics(durations(steps));
            rejectSample(execution.getJobInstance()).ifPresent(csv -> run.logArtifact("rejects/rejected_rows.csv", csv));
        } catch (RuntimeException e) {
            log.warn("Could not log the end of run {} to {}: {}", execution.getId(), run.location(), e.getMessage());
        }
        try {
            run.finish(RunStatus.of(execution.getStatus()));
        } catch (RuntimeException e) {
            log.warn("Could not mark run {} {} at {}: {}", execution.getId(), RunStatus.of(execution.getStatus()),
                    run.location(), e.getMessage());
        }
    }

    /**
     * Ends the tracked run of an execution whose process was killed, as {@code adlift recover} marks it
     * FAILED: no listener of that process will, and the run would otherwise stay RUNNING. A restart
     * continues the same run (RUNNING again). Failing to reach the tracker does not fail the recovery.
     */
    public void recovered(JobExecution execution) {
        String id = runId(execution);
        if (id == null) {
            return;
        }
        try {
            tracker.open(identity(execution), id).finish(RunStatus.of(execution.getStatus()));
        } catch (RuntimeException e) {
            log.warn("Could not mark run {} {} in {}: {}", execution.getId(), RunStatus.of(execution.getStatus()),
                    tracker.name(), e.getMessage());
        }
    }

    private static RunIdentity identity(JobExecution execution) {
        var params = execution.getJobParameters();
        return new RunIdentity(params.getString(RunContext.PIPELINE), params.getLocalDate(RunContext.BUSINESS_DATE),
                execution.getJobInstance().getInstanceId(), execution.getId(), params.getString(RunContext.INPUT_FINGERPRINT));
    }

    /** The completed steps of every execution of this job instance up to this one: a restart skips the others. */
    private List<StepExecution> stepsSoFar(JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>();
        for (JobExecution e : jobRepository.getJobExecutions(execution.getJobInstance())) {
            if (e.getId() > execution.getId()) {
                continue;
            }
            JobExecution full = e.getId() == execution.getId() ? execution : jobRepository.getJobExecution(e.getId());
            full.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.COMPLETED).forEach(steps::add);
        }
        steps.sort(Comparator.comparing(StepExecution::getId));
        return steps;
    }

    /** The whole-number figures steps keep in their contexts ({@code ingest.ads.read}, {@code kpi.kpi_campaign.rows}). */
    private static Map<String, String> counts(List<StepExecution> steps) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (StepExecution s : steps) {
            s.getExecutionContext().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("batch.") && !e.getKey().startsWith("deploy.")
                            && (e.getValue() instanceof Long || e.getValue() instanceof Integer))
                    .forEach(e -> counts.put(e.getKey(), e.getValue().toString()));
        }
        return counts;
    }

    private static List<TrackedRun.Metric> durations(List<StepExecution> steps) {
        List<TrackedRun.Metric> metrics = new ArrayList<>();
        for (StepExecution s : steps) {
            if (s.getStartTime() == null || s.getEndTime() == null) {
                continue;
            }
            double seconds = Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0;
            long at = millis(s.getEndTime());
            metrics.add(new TrackedRun.Metric(TIMING_PREFIX + s.getStepName() + ".seconds", seconds, at, 0));
            long rows = Math.max(s.getReadCount(), s.getWriteCount());
            if (rows > 0 && seconds > 0) {
                metrics.add(new TrackedRun.Metric(TIMING_PREFIX + s.getStepName() + ".rows_per_second", rows / seconds, at, 0));
            }
        }
        return metrics;
    }

    private java.util.Optional<byte[]> rejectSample(JobInstance instance) {
        List<List<Object>> rows = jdbc.query("SELECT step, source, file, line, column_name, reason, raw_record "
                        + "FROM ingest_reject WHERE job_instance_id = ? ORDER BY id LIMIT " + REJECT_SAMPLE,
                (rs, i) -> {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= 7; c++) {
                        row.add(rs.getObject(c));
                    }
                    return row;
                }, instance.getInstanceId());
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Csv.of(List.of("step", "source", "file", "line", "column", "reason", "raw_record"),
                rows));
    }

    private static long millis(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
