package io.adlift.pipeline.model;

import io.adlift.steps.ingest.ColumnType;

/**
 * One field a prediction record may have: its type as the pipeline's schema declares it, whether a
 * feature reads it (then it is required), and the range the definition's cleaning rules allow.
 */
public record InputField(String name, ColumnType type, boolean required, Double min, Double max) {
}
