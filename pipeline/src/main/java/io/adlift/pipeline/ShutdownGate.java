package io.adlift.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where the command's end meets a shutdown signal. When SIGTERM arrives during a run, the JVM only
 * runs shutdown hooks: the hook stops the run and then {@link #awaitExit waits} here until the
 * command has finished (summary printed, database closed) and {@link #exiting said} with which code,
 * so the process ends with that code instead of 143.
 */
public final class ShutdownGate {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int exitCode = 1;

    /** Called once by the main thread when the command is finished. */
    public void exiting(int code) {
        this.exitCode = code;
        done.countDown();
    }

    /** The command's exit code once it has finished, or empty if it has not within {@code timeout}. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? java.util.OptionalInt.of(exitCode)
                : java.util.OptionalInt.empty();
    }
}
