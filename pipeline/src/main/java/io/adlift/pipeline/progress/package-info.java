/**
 * Progress of long steps (ingest, training): a live line on a terminal, periodic log lines otherwise.
 */
package io.adlift.pipeline.progress;
