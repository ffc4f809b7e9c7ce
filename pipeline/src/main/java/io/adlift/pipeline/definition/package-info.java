/**
 * Pipeline definitions: {@code config/pipelines/<name>.yml} bound to validated records at start-up,
 * so that a typo fails before any data moves, with the file, the key and what would be accepted.
 */
package io.adlift.pipeline.definition;
