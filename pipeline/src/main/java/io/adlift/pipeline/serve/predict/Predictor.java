package io.adlift.pipeline.serve.predict;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineKind;
import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.model.ModelDataset;
import io.adlift.pipeline.serve.FieldError;
import io.adlift.pipeline.serve.InvalidRecordsException;
import io.adlift.pipeline.serve.NotFoundException;
import io.adlift.pipeline.serve.ServeProperties;
import io.adlift.pipeline.serve.ServedPipelines;
import io.adlift.pipeline.serve.UnavailableException;
import io.adlift.steps.deploy.KnownAnswer;
import io.adlift.steps.train.FeatureMatrix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers prediction requests: checks every record against the pipeline's input fields (all problems at
 * once), encodes them with the champion's own feature encoding and scores them in one batch.
 */
@Component
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
public class Predictor {

    private final ServedPipelines pipelines;
    private final StrategyRegistry<ModelDataset> datasets;
    private final DeployedModels models;
    private final int maxRecords;
    private final String currency;
    private final RetryTemplate replaced;

    Predictor(ServedPipelines pipelines, StrategyRegistry<ModelDataset> datasets, DeployedModels models,
            ServeProperties properties) {
        this.pipelines = pipelines;
        this.datasets = datasets;
        this.models = models;
        this.maxRecords = properties.maxRecords();
        this.currency = properties.currency();
        // three tries in all, at once: a replaced model is already superseded by the one to score with
        this.replaced = new RetryTemplate(RetryPolicy.builder().maxRetries(2).delay(Duration.ZERO)
                .predicate(ModelReplaced.class::isInstance).build());
    }

    /** The fields a record of {@code pipeline} has, with the domains its champion was trained on (once there is one). */
    public InputSchema inputs(String pipeline) {
        Pipeline modelled = modelled(pipeline);
        return InputSchema.of(modelled, datasets.get(modelled.steps().train().dataset().strategy()),
                models.current(modelled).map(ServedModel::columns).orElse(List.of()));
    }

    /** What {@code pipeline}'s predictions are of, and in what unit. */
    public Outcome outcome(String pipeline) {
        return Outcome.of(modelled(pipeline), currency);
    }

    public PredictionResponse predict(String name, List<Map<String, Object>> records) {
        Pipeline pipeline = modelled(name);
        if (records == null || records.isEmpty()) {
            throw new InvalidRecordsException("the body must be a JSON array of at least one record", List.of());
        }
        if (records.size() > maxRecords) {
            throw new InvalidRecordsException("at most " + maxRecords + " records per request (adlift.serve.max-records), got "
                    + records.size(), List.of());
        }
        InputSchema schema = inputs(name);
        List<FieldError> errors = new ArrayList<>();
        List<Function<String, Object>> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            if (record == null) {
                errors.add(new FieldError(i, null, "must be a JSON object of field values"));
                rows.add(field -> null);
            } else {
                rows.add(schema.type(i, record, errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordsException(errors.size() + " invalid field(s)", errors);
        }
        try {
            return replaced.execute(() -> {
                ServedModel model = models.current(pipeline).orElseThrow(() -> new UnavailableException(
                        "no model of pipeline '" + name + "' is deployed yet; run it ('adlift run " + name + " …') until its gate passes"));
                return score(pipeline, model, rows)
                        .map(answered -> new PredictionResponse(name, model.name(), model.version(), answered))
                        .orElseThrow(ModelReplaced::new);
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException();
            if (last instanceof ModelReplaced) {
                throw new UnavailableException("the model of pipeline '" + name + "' is being replaced; retry");
            }
            if (last instanceof Error error) {
                throw error;
            }
            // what is not retried (no model deployed, a failing model) fails the request as it is
            throw last instanceof RuntimeException failure ? failure : new IllegalStateException(last);
        }
    }

    /** A newer champion replaced the one the request held while it scored: worth scoring again with that one. */
    private static final class ModelReplaced extends RuntimeException {
        ModelReplaced() {
            super("the model was replaced while scoring", null, false, false);
        }
    }

    private Optional<List<Prediction>> score(Pipeline pipeline, ServedModel model, List<Function<String, Object>> rows) {
        List<KnownAnswer> rules = datasets.get(pipeline.steps().train().dataset().strategy()).knownAnswers();
        Double[] known = new Double[rows.size()];
        List<Function<String, Object>> asked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Function<String, Object> row = rows.get(i);
            known[i] = rules.stream().map(r -> r.answer(row)).flatMap(Optional::stream).findFirst().orElse(null);
            if (known[i] == null) {
                asked.add(row);
            }
        }
        FeatureMatrix x = model.encoding().matrix(asked);
        Optional<float[]> outputs = asked.isEmpty() ? Optional.of(new float[0]) : model.predict(x);
        if (outputs.isEmpty()) {
            return Optional.empty();
        }
        boolean classifier = pipeline.definition().kind() == PipelineKind.CLASSIFICATION;
        double threshold = pipeline.steps().evaluate() == null ? 0.5 : pipeline.steps().evaluate().threshold();
        List<Prediction> predictions = new ArrayList<>(rows.size());
        int next = 0;
        for (Double answer : known) {
            if (answer != null) {
                predictions.add(new Prediction(answer, null, "rule"));
                continue;
            }
            double output = outputs.get()[next++];
            Double half = model.intervalHalfWidth();
            predictions.add(classifier ? new Prediction(output >= threshold ? 1 : 0, output, "model")
                    : new Prediction(output, null, "model", half == null ? null : output - half,
                            half == null ? null : output + half));
        }
        return Optional.of(predictions);
    }

    private Pipeline modelled(String name) {
        Pipeline pipeline = pipelines.get(name);
        if (!pipeline.hasModel()) {
            throw new NotFoundException("pipeline '" + name + "' is kpi-only: it has no model to predict with");
        }
        return pipeline;
    }
}
