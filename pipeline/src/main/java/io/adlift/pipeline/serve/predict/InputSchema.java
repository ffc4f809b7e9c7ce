package io.adlift.pipeline.serve.predict;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.model.InputField;
import io.adlift.pipeline.model.ModelDataset;
import io.adlift.pipeline.model.ModelInputs;
import io.adlift.pipeline.serve.FieldError;
import io.adlift.steps.deploy.RawInputs;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of a pipeline's prediction records ({@link ModelInputs}), and the typing of a request's
 * records by them. A value is typed exactly as ingest types a CSV field, so a record is read the way the
 * training rows were.
 */
public final class InputSchema {

    private final Map<String, InputField> fields;

    private InputSchema(Map<String, InputField> fields) {
        this.fields = fields;
    }

    public List<InputField> fields() {
        return List.copyOf(fields.values());
    }

    /** The pipeline's fields, each with its domain among {@code trained} (the champion's columns) where it is there. */
    public static InputSchema of(Pipeline pipeline, ModelDataset dataset, List<RawInputs.Column> trained) {
        Map<String, RawInputs.Column> domains = new LinkedHashMap<>();
        trained.forEach(c -> domains.put(c.name(), c));
        Map<String, InputField> fields = new LinkedHashMap<>();
        ModelInputs.of(pipeline, dataset).forEach(f -> fields.put(f.name(), domains.containsKey(f.name())
                ? f.withDomain(domains.get(f.name())) : f));
        return new InputSchema(fields);
    }

    /**
     * Record {@code index} typed: the lookup the feature encoding reads. Every problem goes to {@code errors};
     * the lookup is only meaningful when none was added.
     */
    public Function<String, Object> type(int index, Map<String, Object> record, List<FieldError> errors) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (String name : record.keySet()) {
            if (!fields.containsKey(name)) {
                errors.add(new FieldError(index, name, "unknown field; the fields are " + fields.keySet()));
            }
        }
        for (InputField field : fields.values()) {
            Object value = record.get(field.name());
            String text = text(value);
            if (text == null) {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    errors.add(new FieldError(index, field.name(), "must be a single value, not an object or array"));
                } else if (field.required()) {
                    errors.add(new FieldError(index, field.name(), "is required: the model reads it"));
                }
                continue;
            }
            try {
                Object parsed = field.type().read(text);
                if (parsed instanceof Number n && outOfRange(field, n.doubleValue())) {
                    errors.add(new FieldError(index, field.name(), "must be " + rangeText(field) + ", was " + text));
                    continue;
                }
                // An unseen category is refused: the model has no column for it and would answer as if it were
                // none of the known ones, which looks like a real prediction and is not.
                if (field.categories() != null && !field.categories().contains(RawInputs.categoryText(parsed))) {
                    errors.add(new FieldError(index, field.name(), "'" + text + "' was not seen in training; "
                            + field.label() + " is one of " + allowed(field.categories())));
                    continue;
                }
                typed.put(field.name(), parsed);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(index, field.name(), e.getMessage()));
            }
        }
        return typed::get;
    }

    /** A JSON scalar as the CSV field it stands for; null for a missing value, an object or an array. */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    private static String allowed(List<String> categories) {
        int shown = 30;
        List<String> sorted = categories.stream().sorted(io.adlift.pipeline.serve.NaturalOrder.INSTANCE).toList();
        return sorted.size() <= shown ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, shown)) + " … (" + sorted.size() + " values; GET …/inputs lists them)";
    }

    private static boolean outOfRange(InputField field, double value) {
        return field.min() != null && value < field.min() || field.max() != null && value > field.max();
    }

    private static String rangeText(InputField field) {
        if (field.min() != null && field.max() != null) {
            return "between " + number(field.min()) + " and " + number(field.max());
        }
        return field.min() != null ? "at least " + number(field.min()) : "at most " + number(field.max());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
