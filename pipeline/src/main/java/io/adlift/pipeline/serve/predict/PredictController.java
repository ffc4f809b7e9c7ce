package io.adlift.pipeline.serve.predict;

import io.adlift.pipeline.model.InputField;

import io.adlift.pipeline.serve.ServeWebConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipelines/{pipeline}")
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class PredictController {

    private final Predictor predictor;

    PredictController(Predictor predictor) {
        this.predictor = predictor;
    }

    @PostMapping("/predict")
    @Operation(summary = "Predict with the deployed champion",
            description = "A JSON array of raw input records, each with the pipeline's source columns as in its CSV. "
                    + "Answers one prediction per record, in order (with the probability for classifiers), and the "
                    + "model name and version used. Bad records are answered 400 with one message per field.")
    PredictionResponse predict(@PathVariable String pipeline, @RequestBody List<Map<String, Object>> records) {
        return predictor.predict(pipeline, records);
    }

    @GetMapping("/inputs")
    @Operation(summary = "The fields a prediction record has", description = "Type, whether required, allowed range, "
            + "human label; from the deployed model's training data: categories seen (others are refused), numeric range "
            + "seen and a default (most frequent category, median).")
    List<InputField> inputs(@PathVariable String pipeline) {
        return predictor.inputs(pipeline).fields();
    }

    @GetMapping("/outcome")
    @Operation(summary = "What a prediction answers", description = "The target, its human name and unit.")
    Outcome outcome(@PathVariable String pipeline) {
        return predictor.outcome(pipeline);
    }
}
