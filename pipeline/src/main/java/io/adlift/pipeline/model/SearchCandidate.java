package io.adlift.pipeline.model;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.steps.tune.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One model that competes in a run's search: its name, model strategy, whether its features are
 * standardised, its fixed XGBoost params (XGBoost's spelling) and the ranges searched over them.
 */
record SearchCandidate(String name, String strategy, boolean standardize, Map<String, String> params,
        List<Parameter> space) {

    /** Params that say what is learnt rather than how; every candidate inherits them from the definition. */
    private static final Set<String> TASK_PARAMS = Set.of("objective", "eval_metric", "tweedie_variance_power",
            "scale_pos_weight", "huber_slope", "quantile_alpha", "base_score", "max_delta_step");

    SearchCandidate {
        params = Map.copyOf(params);
        space = List.copyOf(space);
    }

    /**
     * The definition's own model, then its declared candidates, or without any Adlift's standard set:
     * boosted trees, a boosted linear model on standardised features (left out when the definition
     * asks for monotone features, which a linear booster cannot promise), and a random forest.
     */
    static List<SearchCandidate> of(Pipeline pipeline) {
        PipelineDefinition.Train train = pipeline.steps().train();
        ModelChoice defined = ModelChoice.defined(pipeline);
        Map<String, String> task = new LinkedHashMap<>(defined.params());
        task.keySet().retainAll(TASK_PARAMS);
        List<SearchCandidate> candidates = new ArrayList<>();
        candidates.add(new SearchCandidate(ModelChoice.DEFINED, defined.strategy(), defined.standardize(),
                defined.params(), List.of()));
        if (train.candidates() != null && !train.candidates().isEmpty()) {
            for (PipelineDefinition.Candidate c : train.candidates()) {
                Map<String, String> params = new LinkedHashMap<>(task);
                params.putAll(ModelRecipe.xgboostParams(pipeline.definition().kind(), c.params()));
                boolean standardize = ModelChoice.standardizes(c.strategy(), c.standardize());
                candidates.add(new SearchCandidate(c.name() == null ? c.strategy() : c.name(), c.strategy(), standardize,
                        params, space(c.search())));
            }
            return candidates;
        }
        candidates.add(new SearchCandidate("trees", "trees", false, task, List.of(
                Parameter.ofLogFloat("eta", 0.01, 0.3), Parameter.ofInt("max_depth", 2, 8),
                Parameter.ofLogFloat("min_child_weight", 1, 20), Parameter.ofFloat("subsample", 0.5, 1),
                Parameter.ofFloat("colsample_bytree", 0.5, 1), Parameter.ofLogFloat("lambda", 0.01, 10))));
        if (train.monotone() == null || train.monotone().isEmpty()) {
            candidates.add(new SearchCandidate("linear", "linear", true, task, List.of(
                    Parameter.ofFloat("eta", 0.3, 1), Parameter.ofLogFloat("lambda", 1e-5, 1),
                    Parameter.ofLogFloat("alpha", 1e-5, 1))));
        }
        Map<String, String> forest = new LinkedHashMap<>(task);
        forest.put("num_parallel_tree", "50");
        candidates.add(new SearchCandidate("forest", "forest", false, forest, List.of(
                Parameter.ofInt("max_depth", 4, 12), Parameter.ofFloat("colsample_bynode", 0.3, 0.9),
                Parameter.ofLogFloat("min_child_weight", 1, 20))));
        return candidates;
    }

    /** The declared ranges, names in XGBoost's spelling; the validator has already vetted them. */
    static List<Parameter> space(Map<String, Map<String, List<String>>> declared) {
        List<Parameter> space = new ArrayList<>();
        if (declared != null) {
            declared.forEach((name, range) -> range.forEach((kind, values) ->
                    space.add(Parameter.parse(name.replace('-', '_'), kind, values))));
        }
        return space;
    }

    /** This candidate with a trial's values over its params, and the rounds to train. */
    ModelChoice choice(Map<String, String> trialParams, int rounds) {
        Map<String, String> merged = new LinkedHashMap<>(params);
        merged.putAll(trialParams);
        return new ModelChoice(name, strategy, standardize, merged, rounds);
    }
}
