package io.adlift.pipeline.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * While a step that counts nothing as it goes (clean, kpi, split, evaluate, deploy) runs longer than
 * {@link #QUIET}, says every second that it is at work and for how long, so that a long step is not
 * tens of seconds of silence. Ingest and train report their own counts.
 */
final class StepHeartbeat implements StepExecutionListener {

    static final Set<String> STEPS = Set.of("clean", "kpi", "split", "evaluate", "deploy");

    /** Shorter steps finish before anyone wonders. */
    static final Duration QUIET = Duration.ofSeconds(3);

    private final ProgressDisplay display;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "step-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** by step execution id: one step bean runs in several jobs at once under adlift serve */
    private final Map<Long, ScheduledFuture<?>> beats = new ConcurrentHashMap<>();

    StepHeartbeat(ProgressDisplay display) {
        this.display = display;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String task = stepExecution.getStepName();
        Instant start = Instant.now();
        beats.put(stepExecution.getId(), timer.scheduleAtFixedRate(() -> {
            Duration elapsed = Duration.between(start, Instant.now());
            if (elapsed.compareTo(QUIET) >= 0) {
                display.working(task, elapsed);
            }
        }, QUIET.toMillis(), 1000, TimeUnit.MILLISECONDS));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ScheduledFuture<?> beat = beats.remove(stepExecution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
        display.finish(stepExecution.getStepName());
        return null;
    }
}
