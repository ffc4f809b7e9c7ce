package io.adlift.steps.tune;

import java.util.Map;

/**
 * One evaluated point of a search: its number, its parameter values, and its loss (lower is better;
 * a score to maximise, like R² or ROC AUC, is given negated).
 */
public record Trial(int number, Map<String, String> params, double loss) {

    public Trial {
        params = Map.copyOf(params);
    }
}
