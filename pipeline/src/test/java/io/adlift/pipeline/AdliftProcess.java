package io.adlift.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The packaged {@code adlift} jar run as a separate process on the test PostgreSQL, so that tests can
 * send it real signals (SIGTERM, SIGKILL) or run two at once.
 */
final class AdliftProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AdliftProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AdliftProcess start(Path dataDir, List<String> settings, String... args) throws IOException {
        return start(dataDir, java.util.Map.of(), settings, args);
    }

    /** With {@code env} added to the process's environment (e.g. MLflow's variables). */
    static AdliftProcess start(Path dataDir, java.util.Map<String, String> env, List<String> settings, String... args)
            throws IOException {
        Path jar = Path.of(System.getProperty("adlift.test.jar", "target/adlift.jar"));
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.add("--spring.config.additional-location=file:" + Adlift.repoRoot().resolve("config") + "/");
        command.add("--adlift.home=" + Adlift.repoRoot());
        command.add("--adlift.data-dir=" + dataDir);
        command.addAll(settings);
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir, "adlift-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", TestDatabase.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.USER);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", TestDatabase.PASSWORD);
        builder.environment().putAll(env);
        return new AdliftProcess(builder.start(), log);
    }

    /** Waits until {@code condition} holds, failing after {@code timeout} or when the process ends first. */
    void awaitWhileRunning(BooleanSupplier condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("adlift ended (" + process.exitValue() + ") before the condition held:\n" + output());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout + ":\n" + output());
            }
            Thread.sleep(100);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a service manager or Ctrl-C sends it. */
    void terminate() {
        process.destroy();
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code signal} (STOP, CONT, …) with kill(1): Java has no call for the signals that pause a process. */
    void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL: no chance to clean up. */
    void kill() {
        process.destroyForcibly();
    }

    int exitCode(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("adlift did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Never leaves a process behind to disturb the next test, whatever the test's outcome. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    boolean outputContains(String text) {
        try {
            return output().contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
