package io.adlift.pipeline.ingest;

import io.adlift.steps.ingest.TypedRow;

/** A typed row bound for the staging table of its source. */
record StagedRow(String source, TypedRow row) {
}
