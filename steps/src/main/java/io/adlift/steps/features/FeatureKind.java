package io.adlift.steps.features;

/** The feature strategies a pipeline definition can name. */
public enum FeatureKind {
    /** The column's value as a number. */
    NUMERIC,
    /** One 0/1 feature per category seen in training; unseen categories encode as all zeros. */
    ONE_HOT,
    /** columns[0] / columns[1]; missing (NaN) when the denominator is zero or a value is missing. */
    RATIO,
    /** The product of the columns. */
    PRODUCT,
    /** ln(1 + x) of a non-negative column. */
    LOG1P,
    /**
     * The decile (0–9) of a numeric column: the bucket between the column's 10 %, 20 %, … quantiles on
     * the training rows (fewer buckets where quantiles coincide); missing stays missing.
     */
    BUCKET,
    /** The hour of day (0–23) of a timestamp column. */
    HOUR,
    /** The day of week (1 = Monday … 7 = Sunday) of a date or timestamp column. */
    WEEKDAY,
    /** The month (1–12) of a date or timestamp column. */
    MONTH
}
