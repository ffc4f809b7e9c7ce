package io.adlift.pipeline.ingest;

/**
 * A typed row bound for the staging table of its source, its values already in the order of
 * {@link io.adlift.pipeline.storage.SourceTables#stagingColumns()}: the writer hands them on as they are.
 */
record StagedRow(String source, Object[] values) {
}
