package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.Map;

/**
 * The model a run trained: the candidate that won the search (or the definition's own model, when
 * nothing was searched), its model strategy, whether its features were standardised, its XGBoost
 * params in XGBoost's spelling and its rounds. Written beside the model so that evaluate, deploy and
 * a restart rebuild exactly this model.
 */
public record ModelChoice(String candidate, String strategy, boolean standardize, Map<String, String> params,
        int rounds) {

    /** The name of the definition's own model among the candidates. */
    public static final String DEFINED = "defined";

    public ModelChoice {
        params = Map.copyOf(params);
    }

    /** The definition's own model: its strategy, params and rounds. */
    static ModelChoice defined(Pipeline pipeline) {
        PipelineDefinition.Train train = pipeline.steps().train();
        return new ModelChoice(DEFINED, train.strategy(), standardizes(train.strategy(), train.standardize()),
                ModelRecipe.xgboostParams(pipeline.definition().kind(), train.params()), train.rounds());
    }

    /** A linear model always sees standardised features; its penalty and steps assume comparable scales. */
    static boolean standardizes(String strategy, Boolean declared) {
        return "linear".equals(strategy) || Boolean.TRUE.equals(declared);
    }
}
