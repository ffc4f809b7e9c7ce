package io.adlift.pipeline.serve.predict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record's answer: the predicted value (a classifier's class at the definition's threshold, with its
 * probability), and whether the model or a known rule gave it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(double prediction, Double probability, String by) {
}
