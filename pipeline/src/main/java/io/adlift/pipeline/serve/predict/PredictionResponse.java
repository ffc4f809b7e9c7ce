package io.adlift.pipeline.serve.predict;

import java.util.List;

/** The answer to a prediction request: one prediction per record, in order, and the model version used. */
public record PredictionResponse(String pipeline, String model, int version, List<Prediction> predictions) {
}
