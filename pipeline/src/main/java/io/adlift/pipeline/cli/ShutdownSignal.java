package io.adlift.pipeline.cli;

import io.adlift.pipeline.ShutdownGate;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** SIGTERM or Ctrl-C for the long-running commands ({@code schedule}, {@code serve}). */
final class ShutdownSignal {

    private ShutdownSignal() {
    }

    /**
     * A latch released by SIGTERM. The JVM ends when its hooks do, so the hook then waits until the command
     * has wound down and the application closed, and exits with the command's code ({@code fallback} if it
     * takes longer than {@code grace}).
     */
    static CountDownLatch install(ShutdownGate gate, Duration grace, ExitCode fallback, String threadName) {
        CountDownLatch shutdown = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.countDown();
            try {
                Runtime.getRuntime().halt(gate.awaitExit(grace.plusSeconds(10)).orElse(fallback.code()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName));
        return shutdown;
    }
}
