/**
 * Jobs: one job configuration per pipeline shape (with or without a model), the launcher that turns
 * a run request into job parameters (pipeline, business date, input fingerprint). The run's context
 * as steps see it is {@code run}'s.
 */
package io.adlift.pipeline.job;
