package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;
import java.util.List;

/** A cleaning strategy, named in a definition's {@code steps.clean.rules[].rule}. */
public interface CleaningRule {

    String name();

    /** The checks a row of {@code pass} must pass under this rule, in the order they are applied. */
    List<CleanCheck> checks(CleanPass pass, PipelineDefinition.CleanRule settings);
}
