package io.adlift.pipeline.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a launch asks for: a pipeline, its input file per source, a business date, a forced rerun or
 * not, and for a scheduled launch the fire time it is for (part of the run's identity, so that each
 * fire runs once whatever the number of schedulers).
 */
public record RunRequest(String pipeline, Map<String, Path> inputs, LocalDate businessDate, boolean rerun,
        Instant scheduledAt) {

    public RunRequest(String pipeline, Map<String, Path> inputs, LocalDate businessDate, boolean rerun) {
        this(pipeline, inputs, businessDate, rerun, null);
    }
}
