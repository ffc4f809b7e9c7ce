/**
 * {@code POST /api/v1/pipelines/{pipeline}/predict}: raw records, typed and checked like the pipeline's
 * input, encoded by the feature encoding deployed with the champion model, scored by that model.
 */
package io.adlift.pipeline.serve.predict;
