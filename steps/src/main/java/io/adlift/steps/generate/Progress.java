package io.adlift.steps.generate;

/** Tells the listener about every 100,000th main-table row and the last one, each once. */
final class Progress {

    private static final int EVERY = 100_000;

    private Progress() {
    }

    static void row(GenerationListener listener, long written, long total) {
        if (written % EVERY == 0) {
            listener.written(written, total);
        }
    }

    /** Reports the last row, unless it was just reported as a 100,000th. */
    static void done(GenerationListener listener, long total) {
        if (total % EVERY != 0) {
            listener.written(total, total);
        }
    }
}
