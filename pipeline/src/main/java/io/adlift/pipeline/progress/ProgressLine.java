package io.adlift.pipeline.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The figures of one progress report, formatted for people: count, rate, percent, ETA. The rate and
 * the ETA are measured from the task's first report ({@link Start}), over the work done since: the
 * first report comes after the first chunk, so a rate over the whole count would divide a chunk's rows
 * by a millisecond ("10,000,000 rows/s"). Until a second has passed there is no rate yet, and none is
 * shown.
 */
record ProgressLine(String task, long count, String unit, double fraction, Start start, Instant now) {

    /** Shorter than this since the first report, a rate would be noise. */
    static final Duration MEASURED = Duration.ofSeconds(1);

    /** A task's first report: when, and how far it had got by then. */
    record Start(Instant at, long count, double fraction) {
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d %s", task, count, unit));
        Duration elapsed = Duration.between(start.at(), now);
        boolean measured = elapsed.compareTo(MEASURED) >= 0;
        double seconds = elapsed.toMillis() / 1000.0;
        if (measured) {
            line.append(", ").append(rate((count - start.count()) / seconds));
        }
        if (!Double.isNaN(fraction) && fraction > 0) {
            line.append(String.format(Locale.ROOT, ", %.0f%%", 100 * Math.min(fraction, 1)));
            double done = fraction - (Double.isNaN(start.fraction()) ? 0 : start.fraction());
            if (fraction >= 1) {
                line.append(", ETA 0:00");
            } else if (measured && done > 0) {
                long eta = Math.round(seconds * (1 - fraction) / done);
                line.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
            }
        }
        return line.toString();
    }

    /** A task with no count: "clean: working, 0:12". */
    static String working(String task, Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return String.format(Locale.ROOT, "%s: working, %d:%02d", task, seconds / 60, seconds % 60);
    }

    /** Per second, or per minute for slow work such as trials (never "0 trials/s"). */
    private String rate(double perSecond) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
        }
        if (perSecond >= 1) {
            return String.format(Locale.ROOT, "%.1f %s/s", perSecond, unit);
        }
        return String.format(Locale.ROOT, "%.1f %s/min", perSecond * 60, unit);
    }
}
