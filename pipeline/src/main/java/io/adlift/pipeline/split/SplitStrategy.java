package io.adlift.pipeline.split;

import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.steps.split.Splitter;

/** A split strategy named in {@code steps.split.strategy}, made from its settings. */
public interface SplitStrategy {

    String name();

    Splitter create(PipelineDefinition.Split settings);
}
