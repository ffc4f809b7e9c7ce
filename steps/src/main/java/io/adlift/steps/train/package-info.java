/**
 * Training: turns a {@link io.adlift.steps.train.FeatureMatrix} and its labels into a
 * {@link io.adlift.steps.train.TrainedModel} with a {@link io.adlift.steps.train.Trainer}.
 *
 * <p>{@link io.adlift.steps.train.XgboostTrainer} is the XGBoost4J implementation; a
 * {@link io.adlift.steps.train.ModelSpec} carries the booster parameters, the number of rounds and
 * the seed, which always reaches XGBoost so that a rerun trains the same model. Trained models
 * save to and load from XGBoost's JSON format, the one Python's xgboost reads.
 */
package io.adlift.steps.train;
