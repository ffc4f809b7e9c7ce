package io.adlift.pipeline.clean;

import io.adlift.pipeline.definition.PipelineDefinition;

/** A cleaning strategy, named in a definition's {@code steps.clean.rules[].rule}. */
public interface CleaningRule {

    String name();

    /** Records in the reject table the rows of {@code pass} that break this rule. Returns how many. */
    long reject(CleanPass pass, PipelineDefinition.CleanRule settings);
}
