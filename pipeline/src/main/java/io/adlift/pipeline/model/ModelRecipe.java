package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.definition.PipelineKind;
import io.adlift.steps.evaluate.ClassificationMetrics;
import io.adlift.steps.evaluate.RegressionMetrics;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.features.KBestSelection;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a definition turns labelled rows into a model, in one place for training, tuning and
 * cross-validation: the feature encoding fitted on the given rows only (categories, k-best selection,
 * standardisation), the XGBoost specification of the chosen model, and the metrics of the pipeline's
 * kind.
 */
record ModelRecipe(Pipeline pipeline, ModelChoice choice) {

    /** The definition's own model. */
    ModelRecipe(Pipeline pipeline) {
        this(pipeline, ModelChoice.defined(pipeline));
    }

    private PipelineDefinition.Train train() {
        return pipeline.steps().train();
    }

    /** The encoding fitted on {@code rows} and their {@code labels} alone. */
    FeatureEncoding fitEncoding(List<Function<String, Object>> rows, float[] labels) {
        FeatureEncoding encoding = FeatureEncoding.fit(train().features(), rows);
        if (train().kBest() != null && train().kBest() < encoding.names().size()) {
            FeatureMatrix x = encoding.matrix(rows);
            encoding = encoding.select(KBestSelection.select(x, labels, train().kBest()));
        }
        if (choice.standardize()) {
            encoding = encoding.standardize(encoding.matrix(rows));
        }
        return encoding;
    }

    /** The model to train over {@code encoding}'s features. */
    ModelSpec spec(FeatureEncoding encoding) {
        Map<String, String> params = new LinkedHashMap<>(choice.params());
        if (train().monotone() != null && !train().monotone().isEmpty()) {
            params.put("monotone_constraints", monotoneConstraints(encoding.names(), train().monotone()));
        }
        return new ModelSpec(choice.strategy(), params, choice.rounds(), train().seed());
    }

    /** Regression metrics, or a classifier's at the definition's threshold. */
    Map<String, Double> metrics(float[] actual, float[] predicted) {
        if (pipeline.definition().kind() == PipelineKind.CLASSIFICATION) {
            return ClassificationMetrics.of(actual, predicted, pipeline.steps().evaluate().threshold()).asMap();
        }
        return RegressionMetrics.of(actual, predicted).asMap();
    }

    /**
     * The definition's kebab-case keys in XGBoost's own spelling; a classifier learns log loss unless
     * the definition says otherwise.
     */
    static Map<String, String> xgboostParams(PipelineKind kind, Map<String, String> params) {
        Map<String, String> result = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> result.put(k.replace('-', '_'), v));
        }
        if (kind == PipelineKind.CLASSIFICATION) {
            result.putIfAbsent("objective", "binary:logistic");
            result.putIfAbsent("eval_metric", "logloss");
        }
        return result;
    }

    /** XGBoost's positional form, "(0,1,0)", of constraints given by feature name. */
    static String monotoneConstraints(List<String> featureNames, Map<String, Integer> byName) {
        List<String> constraints = new ArrayList<>(featureNames.size());
        featureNames.forEach(name -> constraints.add(String.valueOf(byName.getOrDefault(name, 0))));
        return "(" + String.join(",", constraints) + ")";
    }
}
