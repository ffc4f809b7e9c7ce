/**
 * Jobs: one job configuration per pipeline shape (with or without a model), the launcher that turns
 * a run request into job parameters (pipeline, business date, input fingerprint) and the run's
 * context as steps see it.
 */
package io.adlift.pipeline.job;
