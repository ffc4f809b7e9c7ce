package io.adlift.pipeline.serve.upload;

import io.adlift.pipeline.job.Failures;
import io.adlift.pipeline.job.LaunchOutcome;
import io.adlift.pipeline.job.PipelineLauncher;
import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.job.RunRequest;
import io.adlift.pipeline.serve.NotFoundException;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import io.adlift.pipeline.serve.dashboard.RunHistory;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs uploads one at a time, in the background, as {@code adlift run} would run the same files: same
 * launcher, same job, same rejects. The run's progress is read back from the job repository by the input
 * path it was launched with, which only this upload has.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class UploadRuns {

    /** What this process knows of an upload; the rest comes from the job repository. */
    private record Launch(String pipeline, Path firstInput, String source, String state, String message,
            Long executionId) {

        Launch ended(String state, String message, Long executionId) {
            return new Launch(pipeline, firstInput, source, state, message, executionId);
        }
    }

    private static final int REJECTS_SHOWN = 20;

    // One at a time: runs are heavy, and two on a 2-core machine only slow each other down.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "adlift-upload-run"));
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    private final PipelineLauncher launcher;
    private final JdbcTemplate jdbc;
    private final RunHistory runs;

    UploadRuns(PipelineLauncher launcher, JdbcTemplate jdbc, RunHistory runs) {
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.runs = runs;
    }

    void launch(String id, String pipeline, Map<String, Path> inputs, LocalDate businessDate) {
        String source = inputs.keySet().iterator().next();
        launches.put(id, new Launch(pipeline, inputs.get(source), source, "queued", null, null));
        executor.submit(() -> {
            launches.computeIfPresent(id, (k, l) -> l.ended("running", null, null));
            try {
                LaunchOutcome outcome = launcher.launch(new RunRequest(pipeline, inputs, businessDate, false));
                // The same files for the same date ran before: that run is the answer, as 'adlift run' says.
                String message = switch (outcome.kind()) {
                    case ALREADY_COMPLETED -> "already completed with this input for " + businessDate + " (run "
                            + outcome.execution().getId() + "); nothing to do";
                    case ALREADY_RUNNING -> "the same input for " + businessDate + " is already running (run "
                            + outcome.execution().getId() + ")";
                    default -> null;
                };
                launches.computeIfPresent(id, (k, l) -> l.ended("completed", message, outcome.execution().getId()));
            } catch (Exception e) {
                launches.computeIfPresent(id, (k, l) -> l.ended("failed", Failures.describe(e), null));
            }
        });
    }

    Upload status(String id) {
        Launch launch = launches.get(id);
        if (launch == null) {
            throw new NotFoundException("no upload '" + id + "' in this server's lifetime");
        }
        List<Long> executions = launch.executionId() != null ? List.of(launch.executionId()) : jdbc.queryForList("SELECT job_execution_id FROM batch_job_execution_params WHERE "
                + "parameter_name = ? AND parameter_value = ? ORDER BY job_execution_id DESC", Long.class,
                RunContext.INPUT_PREFIX + launch.source(), launch.firstInput().toAbsolutePath().normalize().toString());
        RunHistory.Run run = executions.isEmpty() ? null : runs.of(executions.get(0));
        List<Upload.Reject> rejects = run == null ? null : jdbc.query("SELECT r.source, r.line, r.column_name, r.reason "
                        + "FROM ingest_reject r JOIN batch_job_execution e ON e.job_instance_id = r.job_instance_id "
                        + "WHERE e.job_execution_id = ? ORDER BY r.source, r.line LIMIT " + REJECTS_SHOWN,
                (rs, i) -> new Upload.Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                run.executionId());
        return new Upload(id, launch.pipeline(), launch.state(), launch.message(), run, rejects);
    }

    @PreDestroy
    void stop() {
        // A run under way is stopped at its next commit by the job's own shutdown handling; nothing new starts.
        executor.shutdownNow();
    }
}
