package io.adlift.pipeline.definition;

/** What a pipeline's model predicts; {@code KPI_ONLY} pipelines have no ML branch. */
public enum PipelineKind {
    REGRESSION, KPI_ONLY
}
