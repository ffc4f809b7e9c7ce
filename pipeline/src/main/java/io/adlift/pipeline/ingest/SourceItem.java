package io.adlift.pipeline.ingest;

import io.adlift.steps.ingest.SourceRecord;

/** A raw record of one source, with the stager fitted to that source file's header. */
record SourceItem(SourceRecord record, SourceStager stager) {
}
