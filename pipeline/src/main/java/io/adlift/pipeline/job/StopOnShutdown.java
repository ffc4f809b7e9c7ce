package io.adlift.pipeline.job;

import io.adlift.pipeline.ShutdownGate;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SIGTERM (a service manager, a container stop, Ctrl-C) stops a running run at its next commit, as
 * {@code adlift stop} would: it ends STOPPED, restartable, and the process exits with the stopped
 * code. A hook is armed for each run while it runs, and disarmed when it ends.
 */
@Component
class StopOnShutdown implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StopOnShutdown.class);
    private static final int STOPPED_EXIT_CODE = 4;

    private final JobOperator jobOperator;
    private final ShutdownGate gate;
    private final Duration grace;
    private final Map<Long, Thread> hooks = new ConcurrentHashMap<>();

    StopOnShutdown(JobOperator jobOperator, ShutdownGate gate, @Value("${adlift.shutdown.grace:PT2M}") Duration grace) {
        this.jobOperator = jobOperator;
        this.gate = gate;
        this.grace = grace;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Thread hook = new Thread(() -> stop(execution), "adlift-stop-run-" + execution.getId());
        hooks.put(execution.getId(), hook);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void afterJob(JobExecution execution) {
        Thread hook = hooks.remove(execution.getId());
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this run to end, which it now does
            }
        }
    }

    private void stop(JobExecution execution) {
        // Gone from the hooks, or ended without reaching afterJob (the database went away as it ended).
        if (!hooks.containsKey(execution.getId()) || !execution.isRunning()) {
            return;
        }
        log.warn("Shutdown requested: stopping run {} at its next commit; restart it with 'adlift restart {}'",
                execution.getId(), execution.getId());
        try {
            jobOperator.stop(execution);
            OptionalInt code = gate.awaitExit(grace);
            if (code.isEmpty()) {
                log.error("Run {} did not stop within {}; exiting anyway (recover it before restarting)",
                        execution.getId(), grace);
            }
            Runtime.getRuntime().halt(code.orElse(STOPPED_EXIT_CODE));
        } catch (Exception e) {
            log.error("Could not stop run {}: {}", execution.getId(), e.getMessage());
        }
    }
}
