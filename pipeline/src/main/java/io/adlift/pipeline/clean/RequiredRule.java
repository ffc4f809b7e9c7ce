package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.List;

/** {@code required}: the columns must have a value. */
final class RequiredRule implements CleaningRule {

    @Override
    public String name() {
        return "required";
    }

    @Override
    public List<CleanCheck> checks(CleanPass pass, PipelineDefinition.CleanRule settings) {
        return settings.columns().stream()
                .map(column -> CleanCheck.where("s." + pass.tables().column(column) + " IS NULL", List.of(), column, "?",
                        List.of("missing value: " + column + " is required")))
                .toList();
    }
}
