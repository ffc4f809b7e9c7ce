/**
 * The ingest step: a restartable chunk-oriented step that streams every source of a pipeline, types
 * each record, stages good rows and records rejects in the same transaction, and reconciles
 * read = staged + rejected at the end.
 */
package io.adlift.pipeline.ingest;
