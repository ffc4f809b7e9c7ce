package io.adlift.pipeline.definition;

/** What a pipeline's model predicts (a number, or the probability of a 0/1 target); {@code KPI_ONLY} pipelines have no ML branch. */
public enum PipelineKind {
    REGRESSION, CLASSIFICATION, KPI_ONLY
}
