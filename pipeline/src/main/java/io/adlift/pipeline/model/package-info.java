/**
 * The model branch: the {@code train}, {@code evaluate} and {@code deploy} steps. Each step's output is
 * durable (model files under the run's folder, metrics and the gate's decision in the database), so
 * a restart never redoes a completed step.
 */
package io.adlift.pipeline.model;
