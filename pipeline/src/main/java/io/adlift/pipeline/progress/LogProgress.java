package io.adlift.pipeline.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Off a terminal (cron, a service, CI): a log line per task every {@code interval}, and one at its end. */
final class LogProgress implements ProgressDisplay {

    private static final Logger log = LoggerFactory.getLogger("io.adlift.progress");

    private final Duration interval;
    private final Map<String, ProgressLine.Start> started = new ConcurrentHashMap<>();
    private final Map<String, Instant> logged = new ConcurrentHashMap<>();
    private final Map<String, ProgressLine> latest = new ConcurrentHashMap<>();

    LogProgress(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void update(String task, long count, String unit, double fraction) {
        Instant now = Instant.now();
        ProgressLine.Start start = started.computeIfAbsent(task, t -> new ProgressLine.Start(now, count, fraction));
        ProgressLine line = new ProgressLine(task, count, unit, fraction, start, now);
        latest.put(task, line);
        Instant last = logged.getOrDefault(task, start.at());
        if (Duration.between(last, now).compareTo(interval) >= 0) {
            logged.put(task, now);
            log.info("{}", line);
        }
    }

    @Override
    public void working(String task, Duration elapsed) {
        Instant now = Instant.now();
        Instant start = started.computeIfAbsent(task, t -> new ProgressLine.Start(now.minus(elapsed), 0, Double.NaN)).at();
        Instant last = logged.getOrDefault(task, start);
        if (Duration.between(last, now).compareTo(interval) >= 0) {
            logged.put(task, now);
            log.info("{}", ProgressLine.working(task, elapsed));
        }
    }

    @Override
    public void finish(String task) {
        ProgressLine line = latest.remove(task);
        ProgressLine.Start start = started.remove(task);
        Instant last = logged.remove(task);
        if (line != null) {
            log.info("{} (done)", line);
        } else if (last != null) {
            // a working task long enough to have been logged: its end, with its time
            log.info("{} (done)", ProgressLine.working(task, Duration.between(start.at(), Instant.now())));
        }
    }
}
