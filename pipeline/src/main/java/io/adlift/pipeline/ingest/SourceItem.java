package io.adlift.pipeline.ingest;

import io.adlift.steps.ingest.RecordTyper;
import io.adlift.steps.ingest.SourceRecord;

/** A raw record of one source, with the typer fitted to that source file's header. */
record SourceItem(String source, SourceRecord record, RecordTyper typer) {
}
