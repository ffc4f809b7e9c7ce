package io.adlift.steps.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three ways XGBoost can build a model, each a model strategy a definition names: gradient-boosted
 * trees, a boosted linear model (ridge- or lasso-like through {@code lambda} and {@code alpha}), and a
 * random forest (many trees grown in one round on row and column samples, none shrunk).
 */
public enum BoosterMode {

    /** {@code booster=gbtree}; the definition's rounds are boosting rounds. */
    TREES {
        @Override
        ModelSpec apply(ModelSpec spec) {
            return with(spec, Map.of("booster", "gbtree"), spec.rounds());
        }
    },

    /**
     * {@code booster=gblinear} with coordinate descent, which is deterministic and converges on the
     * exact least-squares fit where the default parallel updater can wander. Wants standardised
     * features: the penalty and the updater's steps assume comparable scales.
     */
    LINEAR {
        @Override
        ModelSpec apply(ModelSpec spec) {
            return with(spec, Map.of("booster", "gblinear", "updater", "coord_descent", "feature_selector", "cyclic"),
                    spec.rounds());
        }

        @Override
        public boolean wantsStandardizedFeatures() {
            return true;
        }
    },

    /**
     * A random forest in XGBoost's own mode: one round of {@code rounds} parallel trees, unshrunk
     * ({@code eta=1}), each on a bootstrap-sized row sample and a share of the columns per split.
     */
    FOREST {
        @Override
        ModelSpec apply(ModelSpec spec) {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("booster", "gbtree");
            defaults.put("num_parallel_tree", Integer.toString(spec.rounds()));
            defaults.put("eta", "1");
            defaults.put("subsample", "0.632");
            defaults.put("colsample_bynode", "0.6");
            defaults.put("max_depth", "8");
            return with(spec, defaults, 1);
        }

        @Override
        public boolean stopsEarly() {
            return false;
        }
    };

    /** The specification XGBoost is given: the mode's defaults under the definition's own params. */
    abstract ModelSpec apply(ModelSpec spec);

    /** Whether features should be standardised before training (fitted on the training rows). */
    public boolean wantsStandardizedFeatures() {
        return false;
    }

    /** Whether boosting rounds can be cut short by early stopping; a forest has one round. */
    public boolean stopsEarly() {
        return true;
    }

    private static ModelSpec with(ModelSpec spec, Map<String, String> defaults, int rounds) {
        Map<String, String> params = new LinkedHashMap<>(defaults);
        params.putAll(spec.params());
        return new ModelSpec(spec.strategy(), params, rounds, spec.seed());
    }
}
