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

    /** The task is over (done, stopped or failed). */
    void finish(String task);
}
