/**
 * The {@code adlift} command line: picocli commands over the launcher and the job repository, with
 * stable, documented exit codes.
 */
package io.adlift.pipeline.cli;
