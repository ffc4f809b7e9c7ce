package io.adlift.pipeline.clean;

import io.adlift.pipeline.run.RunContext;
import io.adlift.pipeline.storage.SourceTables;

/** One source's cleaning within a run: what the rules need to phrase their checks. */
public record CleanPass(RunContext run, SourceTables tables) {
}
