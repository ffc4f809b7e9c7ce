package io.adlift.pipeline.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One live line per task on standard error, rewritten in place (at most a few times a second), so
 * standard output stays clean for summaries and JSON.
 */
final class TerminalProgress implements ProgressDisplay {

    private static final Duration REFRESH = Duration.ofMillis(250);

    private final PrintStream err;
    private final Map<String, ProgressLine.Start> started = new ConcurrentHashMap<>();
    private final Map<String, Instant> shown = new ConcurrentHashMap<>();

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String task, long count, String unit, double fraction) {
        Instant now = Instant.now();
        ProgressLine.Start start = started.computeIfAbsent(task, t -> new ProgressLine.Start(now, count, fraction));
        Instant last = shown.get(task);
        if (last != null && Duration.between(last, now).compareTo(REFRESH) < 0 && fraction < 1) {
            return;
        }
        shown.put(task, now);
        String line = new ProgressLine(task, count, unit, fraction, start, now).toString();
        err.print("\r" + line + " ".repeat(Math.max(0, 79 - line.length())));
        err.flush();
    }

    @Override
    public synchronized void working(String task, Duration elapsed) {
        started.putIfAbsent(task, new ProgressLine.Start(Instant.now().minus(elapsed), 0, Double.NaN));
        String line = ProgressLine.working(task, elapsed);
        err.print("\r" + line + " ".repeat(Math.max(0, 79 - line.length())));
        err.flush();
    }

    @Override
    public synchronized void finish(String task) {
        if (started.remove(task) != null) {
            shown.remove(task);
            err.println();
        }
    }
}
