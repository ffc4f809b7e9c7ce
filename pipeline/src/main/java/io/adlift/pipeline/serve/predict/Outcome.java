package io.adlift.pipeline.serve.predict;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineKind;
import io.adlift.pipeline.model.FieldLabels;
import java.util.Locale;

/**
 * What a pipeline's prediction is: its target column, the target's human name and the unit of the number
 * answered. A classifier answers the class (0 or 1) with the probability of 1; a regression a count, or money
 * in the reporting currency where the target is a value (customer lifetime value).
 */
public record Outcome(String target, String label, String unit) {

    static Outcome of(Pipeline pipeline, String currency) {
        String target = pipeline.definition().target();
        String label = FieldLabels.of(target);
        if (pipeline.definition().kind() == PipelineKind.CLASSIFICATION) {
            return new Outcome(target, label, "class (1: " + label.toLowerCase(Locale.ROOT) + ", 0: none), with its probability");
        }
        boolean money = target.equalsIgnoreCase("clv") || target.toLowerCase(Locale.ROOT).contains("revenue");
        return new Outcome(target, label, money ? currency : label.toLowerCase(Locale.ROOT) + " (count)");
    }
}
