package io.adlift.pipeline.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** What {@code adlift run} asks for: a pipeline, its input file per source, a business date, a forced rerun or not. */
public record RunRequest(String pipeline, Map<String, Path> inputs, LocalDate businessDate, boolean rerun) {
}
