package io.adlift.pipeline.progress;

/** Where the progress of long steps goes; chosen by {@code adlift.progress}. */
public interface ProgressDisplay {

    /**
     * @param task     what is progressing, e.g. {@code ingest}
     * @param count    units done so far
     * @param unit     what is counted, e.g. {@code rows}
     * @param fraction how much of the task is done, 0 to 1, or NaN when unknown
     */
    void update(String task, long count, String unit, double fraction);

    /**
     * A task with no count of its own (cleaning, evaluating) is still at work, {@code elapsed} after it
     * began; said every second or so while it lasts, so that a long step is not silence.
     */
    void working(String task, java.time.Duration elapsed);

    /** The task is over (done, stopped or failed). */
    void finish(String task);
}
