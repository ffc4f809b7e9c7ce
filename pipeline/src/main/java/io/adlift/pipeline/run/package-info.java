/**
 * The run as every step sees it: its pipeline, business date, input files and the job instance and
 * execution ids that tag the rows it writes, and the job parameter names they are read from. Below
 * {@code job}, which wires the steps, so that the steps and the tracking of a run need not import it.
 */
package io.adlift.pipeline.run;
