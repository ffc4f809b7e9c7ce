package io.adlift.pipeline.schedule;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.job.LaunchOutcome;
import io.adlift.pipeline.job.PipelineLauncher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs each scheduled pipeline at its cron's fire times. A fire is launched under the pipeline's lock
 * (a row in {@code shedlock}), so only one process runs a pipeline at a time, and with its fire time
 * among the run's identifying parameters, so a fire that two schedulers both see runs once: the
 * second finds it running (lock held) or already completed. A failed run is retried by launching the
 * fire again: the same input resumes the failed run, a file re-delivered with other data is a new run.
 */
@Component
public class PipelineScheduler {

    private static final Logger log = LoggerFactory.getLogger(PipelineScheduler.class);
    /** At most this many missed fires are caught up, oldest first. */
    private static final int CATCH_UP_LIMIT = 100;

    private final ScheduleProperties properties;
    private final PipelineCatalog catalog;
    private final PipelineLauncher launcher;
    private final LockingTaskExecutor locks;
    private final JdbcTemplate jdbc;
    private final List<Thread> threads = new ArrayList<>();
    /**
     * Set by {@link #shutdown}. An interrupt alone is not enough: one that lands while a fire runs can
     * be swallowed by the code of the run, and the loop would go on firing.
     */
    private volatile boolean stopping;

    PipelineScheduler(ScheduleProperties properties, PipelineCatalog catalog, PipelineLauncher launcher,
            LockingTaskExecutor locks, JdbcTemplate jdbc) {
        this.properties = properties;
        this.catalog = catalog;
        this.launcher = launcher;
        this.locks = locks;
        this.jdbc = jdbc;
    }

    /** Checks every schedule before anything runs: pipeline, cron and inputs, each named by its key. */
    public void validate() {
        List<String> problems = new ArrayList<>();
        if (properties.schedule().isEmpty()) {
            problems.add("adlift.schedule: no pipeline is scheduled; add adlift.schedule.<pipeline>.cron and .input "
                    + "to config/application.yml (see the README)");
        }
        properties.schedule().forEach((name, schedule) -> {
            String key = "adlift.schedule." + name;
            Pipeline pipeline;
            try {
                pipeline = catalog.get(name);
            } catch (DefinitionException e) {
                problems.add(key + ": " + e.getMessage());
                return;
            }
            if (schedule.cron() == null || !CronExpression.isValidExpression(schedule.cron())) {
                problems.add(key + ".cron: '" + schedule.cron() + "' is not a cron expression with seconds "
                        + "(e.g. '0 0 6 * * *' for 06:00 daily)");
            }
            Map<String, String> input = schedule.input() == null ? Map.of() : schedule.input();
            for (String source : pipeline.sourceNames()) {
                if (!input.containsKey(source)) {
                    problems.add(key + ".input." + source + ": missing; the file of source '" + source + "' ({date} is "
                            + "replaced by the business date)");
                }
            }
            input.keySet().stream().filter(s -> !pipeline.sourceNames().contains(s)).forEach(s -> problems.add(
                    key + ".input." + s + ": pipeline '" + name + "' has no such source; its sources: "
                            + pipeline.sourceNames()));
        });
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
    }

    /** Starts one scheduling thread per pipeline; returns at once. */
    public synchronized void start() {
        properties.schedule().forEach((name, schedule) -> {
            Thread thread = new Thread(() -> loop(name, schedule), "schedule-" + name);
            threads.add(thread);
            thread.start();
        });
    }

    /** Stops scheduling and waits for the fires under way to end (their runs stop at their next commit). */
    public synchronized void shutdown(Duration grace) throws InterruptedException {
        stopping = true;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    private void loop(String pipeline, ScheduleProperties.PipelineSchedule schedule) {
        CronExpression cron = CronExpression.parse(schedule.cron());
        ZonedDateTime cursor = ZonedDateTime.now(schedule.zone());
        if (schedule.misfire() == ScheduleProperties.Misfire.CATCH_UP) {
            cursor = catchUp(pipeline, schedule, cron, cursor);
        }
        log.info("Scheduling {} with '{}' ({}); next fire {}", pipeline, schedule.cron(), schedule.zone(),
                cron.next(cursor));
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            ZonedDateTime next = cron.next(cursor);
            if (next == null) {
                return;
            }
            try {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next.toInstant()).toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            if (stopping) {
                return;
            }
            fire(new ScheduledFire(pipeline, next.toInstant(), schedule));
            // Fires that passed while this one ran are misfires too: caught up or skipped by policy.
            ZonedDateTime now = ZonedDateTime.now(schedule.zone());
            cursor = schedule.misfire() == ScheduleProperties.Misfire.CATCH_UP || now.isBefore(next) ? next : now;
        }
    }

    /** Runs the fires missed since the pipeline's last scheduled run, oldest first; returns where to go on from. */
    private ZonedDateTime catchUp(String pipeline, ScheduleProperties.PipelineSchedule schedule, CronExpression cron,
            ZonedDateTime now) {
        List<String> last = jdbc.queryForList("SELECT MAX(s.parameter_value) FROM batch_job_execution_params s "
                + "JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id "
                + "WHERE s.parameter_name = 'scheduledAt' AND p.parameter_name = 'pipeline' AND p.parameter_value = ?",
                String.class, pipeline);
        if (last.isEmpty() || last.get(0) == null) {
            return now;
        }
        ZonedDateTime missed = cron.next(Instant.parse(last.get(0)).atZone(schedule.zone()));
        for (int n = 0; missed != null && missed.isBefore(now) && n < CATCH_UP_LIMIT && !stopping; n++) {
            log.info("Catching up {}: missed fire {}", pipeline, missed);
            fire(new ScheduledFire(pipeline, missed.toInstant(), schedule));
            missed = cron.next(missed);
        }
        return now;
    }

    void fire(ScheduledFire fire) {
        LockConfiguration lock = new LockConfiguration(Instant.now(), "adlift:" + fire.pipeline(),
                fire.schedule().maxRunTime(), Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<Void> result = locks.executeWithLock(() -> {
                runWithRetries(fire);
                return null;
            }, lock);
            if (!result.wasExecuted()) {
                log.info("{} fire {}: the pipeline is running in another process; this fire is left to it",
                        fire.pipeline(), fire.at());
            }
        } catch (Throwable e) {
            log.error("{} fire {} failed: {}", fire.pipeline(), fire.at(), e.getMessage());
        }
    }

    private void runWithRetries(ScheduledFire fire) throws Exception {
        LaunchOutcome outcome = launcher.launch(fire.request());
        JobExecution execution = outcome.execution();
        if (outcome.kind() != LaunchOutcome.Kind.RAN) {
            log.info("{} fire {}: {} (run {})", fire.pipeline(), fire.at(),
                    outcome.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), execution.getId());
            return;
        }
        Duration backoff = fire.schedule().retryBackoff();
        for (int retry = 1; execution.getStatus() == BatchStatus.FAILED && retry <= fire.schedule().retries(); retry++) {
            log.warn("{} fire {}: run {} FAILED; restarting it in {} (retry {} of {})", fire.pipeline(), fire.at(),
                    execution.getId(), backoff, retry, fire.schedule().retries());
            Thread.sleep(backoff.toMillis());
            // Launched again rather than restarted by id, so the input is fingerprinted again: the same data
            // resumes the failed run, a re-delivered file with other data is a new run of its own, never mixed in.
            outcome = launcher.launch(fire.request());
            execution = outcome.execution();
            if (outcome.kind() != LaunchOutcome.Kind.RAN) {
                break;
            }
            backoff = backoff.multipliedBy(2);
        }
        log.info("{} fire {} (business date {}): run {} {}", fire.pipeline(), fire.at(), fire.businessDate(),
                execution.getId(), execution.getStatus());
    }
}
