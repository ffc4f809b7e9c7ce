package io.adlift.pipeline.serve.predict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record's answer: the predicted value (a classifier's class at the definition's threshold, with its
 * probability; a regression model's value with its split-conformal interval {@code lower}–{@code upper} at
 * the definition's {@code steps.evaluate.interval-coverage}), and whether the model or a known rule gave it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(double prediction, Double probability, String by, Double lower, Double upper) {

    public Prediction(double prediction, Double probability, String by) {
        this(prediction, probability, by, null, null);
    }
}
