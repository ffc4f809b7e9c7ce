/**
 * Ingest: streaming a source file record by record and typing each record against the source's
 * schema. A record that cannot be typed becomes a {@link io.adlift.steps.ingest.RowRejectedException}
 * naming its file, line, column and reason; nothing is dropped silently.
 */
package io.adlift.steps.ingest;
