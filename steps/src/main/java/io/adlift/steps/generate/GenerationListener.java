package io.adlift.steps.generate;

/** Told how many rows of the main table are written, every so often; for progress displays. */
@FunctionalInterface
public interface GenerationListener {

    GenerationListener NONE = (written, total) -> { };

    void written(long rows, long total);
}
