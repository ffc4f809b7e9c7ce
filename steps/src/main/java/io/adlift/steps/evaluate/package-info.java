/**
 * Evaluation: metrics of a model on held-out rows ({@link io.adlift.steps.evaluate.RegressionMetrics})
 * and the declarative {@link io.adlift.steps.evaluate.Gate} that decides, from a list of
 * {@link io.adlift.steps.evaluate.GateCriterion}, whether the model may be deployed. The
 * {@link io.adlift.steps.evaluate.GateDecision} says why in sentences an operator can read.
 */
package io.adlift.steps.evaluate;
