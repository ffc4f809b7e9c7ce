package io.adlift.pipeline.progress;

import java.time.Duration;
import java.util.Locale;

/** The figures of one progress report, formatted for people: count, rate, percent, ETA. */
record ProgressLine(String task, long count, String unit, double fraction, Duration elapsed) {

    @Override
    public String toString() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d %s, %,.0f %s/s", task, count, unit,
                count / seconds, unit));
        if (!Double.isNaN(fraction) && fraction > 0) {
            long eta = Math.round(seconds * (1 - fraction) / fraction);
            line.append(String.format(Locale.ROOT, ", %.0f%%, ETA %d:%02d", 100 * Math.min(fraction, 1), eta / 60,
                    eta % 60));
        }
        return line.toString();
    }
}
