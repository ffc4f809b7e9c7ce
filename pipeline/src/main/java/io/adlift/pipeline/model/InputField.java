package io.adlift.pipeline.model;

import io.adlift.steps.deploy.RawInputs;
import io.adlift.steps.ingest.ColumnType;
import java.util.List;

/**
 * One field a prediction record may have: its type as the pipeline's schema declares it, whether a
 * feature reads it (then it is required), the range the definition's cleaning rules allow, and whether its
 * values are categories. Its domain in the deployed model's training data, where one is deployed: the
 * categories seen (an unseen one is refused: the model has no place for it), the numbers' range seen and
 * the value a form starts with (the most frequent category, the median).
 *
 * @param label a human name for forms
 */
public record InputField(String name, String label, ColumnType type, boolean required, Double min, Double max,
        boolean categorical, List<String> categories, Double seenMin, Double seenMax, Object defaultValue) {

    public InputField(String name, ColumnType type, boolean required, Double min, Double max, boolean categorical) {
        this(name, FieldLabels.of(name), type, required, min, max, categorical, null, null, null, null);
    }

    /** This field with the domain the deployed model recorded for its column. */
    public InputField withDomain(RawInputs.Column column) {
        return new InputField(name, label, type, required, min, max, categorical, categorical ? column.categories() : null,
                column.min(), column.max(), column.defaultValue());
    }
}
