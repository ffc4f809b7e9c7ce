package io.adlift.pipeline.schedule;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.job.PipelineLauncher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs each scheduled pipeline at its cron's fire times. A fire is launched under the pipeline's lock
 * (a row in {@code shedlock}), so only one process runs a pipeline at a time, and with its fire time
 * among the run's identifying parameters, so a fire that two schedulers both see runs once: the
 * second finds it running (lock held) or already completed. Fires are tasks of Spring's
 * {@link ThreadPoolTaskScheduler}, timed by {@link FireTimes}; a failed run is retried by {@link FireAttempts}.
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
    private final ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
    /**
     * Set by {@link #shutdown}. Shutting the executor down is not enough on its own: a fire that ends after
     * it would otherwise still try to schedule the next.
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

    /** Schedules every pipeline's fires on the scheduler's threads, one per pipeline; returns at once. */
    public synchronized void start() {
        tasks.setPoolSize(Math.max(1, properties.schedule().size()));
        tasks.setThreadNamePrefix("schedule-");
        // A fire not yet started when the scheduler stops is not run: shutdown waits for the fires under way only.
        tasks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        tasks.initialize();
        Instant now = Instant.now();
        properties.schedule().forEach((name, schedule) -> {
            List<Instant> missed = schedule.misfire() == ScheduleProperties.Misfire.CATCH_UP ? missedFires(name, schedule, now)
                    : List.of();
            FireTimes times = new FireTimes(schedule, missed, now);
            tasks.schedule(() -> {
                if (!stopping) {
                    fire(new ScheduledFire(name, times.current(), schedule));
                    if (times.lastMissed()) {
                        logScheduling(name, schedule);
                    }
                }
            }, times);
            if (missed.isEmpty()) {
                logScheduling(name, schedule);
            }
        });
    }

    /** Said once the pipeline's missed fires, if any, have run: from here on it runs at its cron's times. */
    private static void logScheduling(String pipeline, ScheduleProperties.PipelineSchedule schedule) {
        log.info("Scheduling {} with '{}' ({}); next fire {}", pipeline, schedule.cron(), schedule.zone(),
                CronExpression.parse(schedule.cron()).next(ZonedDateTime.now(schedule.zone())));
    }

    /**
     * Stops scheduling and waits for the fires under way to end (their runs stop at their next commit). Their
     * threads are interrupted, which ends a wait before a retry at once.
     */
    public synchronized void shutdown(Duration grace) throws InterruptedException {
        stopping = true;
        if (tasks.isRunning()) {
            tasks.getScheduledExecutor().shutdownNow();
            tasks.getScheduledExecutor().awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The fires missed since the pipeline's last scheduled run, oldest first, at most {@link #CATCH_UP_LIMIT}. */
    private List<Instant> missedFires(String pipeline, ScheduleProperties.PipelineSchedule schedule, Instant now) {
        List<String> last = jdbc.queryForList("SELECT MAX(s.parameter_value) FROM batch_job_execution_params s "
                + "JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id "
                + "WHERE s.parameter_name = 'scheduledAt' AND p.parameter_name = 'pipeline' AND p.parameter_value = ?",
                String.class, pipeline);
        if (last.isEmpty() || last.get(0) == null) {
            return List.of();
        }
        CronExpression cron = CronExpression.parse(schedule.cron());
        List<Instant> missed = new ArrayList<>();
        for (ZonedDateTime fire = cron.next(Instant.parse(last.get(0)).atZone(schedule.zone()));
                fire != null && fire.toInstant().isBefore(now) && missed.size() < CATCH_UP_LIMIT; fire = cron.next(fire)) {
            log.info("Catching up {}: missed fire {}", pipeline, fire);
            missed.add(fire.toInstant());
        }
        return missed;
    }

    void fire(ScheduledFire fire) {
        LockConfiguration lock = new LockConfiguration(Instant.now(), "adlift:" + fire.pipeline(),
                fire.schedule().maxRunTime(), Duration.ZERO);
        try {
            LockingTaskExecutor.TaskResult<Void> result = locks.executeWithLock(() -> {
                new FireAttempts(fire, launcher).run();
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
}
