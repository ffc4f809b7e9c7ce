package io.adlift.pipeline.serve.predict;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineDefinition;
import io.adlift.pipeline.model.ModelDataset;
import io.adlift.steps.features.FeatureSpec;
import io.adlift.steps.ingest.ColumnSpec;
import io.adlift.steps.ingest.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fields of a pipeline's prediction records: the columns of its model's rows, as its CSV has them (the
 * split source's and those of the sources it joins), or the columns its dataset computes (a campaign
 * rollup's ad counts). A value is typed exactly as ingest types a CSV field, so a record is read the way
 * the training rows were.
 */
public final class InputSchema {

    private final Map<String, InputField> fields;

    private InputSchema(Map<String, InputField> fields) {
        this.fields = fields;
    }

    public List<InputField> fields() {
        return List.copyOf(fields.values());
    }

    public static InputSchema of(Pipeline pipeline, ModelDataset dataset) {
        PipelineDefinition.Train train = pipeline.steps().train();
        Set<String> read = new TreeSet<>();
        train.features().stream().map(FeatureSpec::columns).forEach(read::addAll);
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        pipeline.sourceNames().forEach(s -> pipeline.schema(s).columns()
                .forEach(c -> declared.putIfAbsent(c.name(), c.type())));
        List<String> columns = new ArrayList<>(dataset.needs().produces());
        if (columns.isEmpty()) {
            columns.addAll(pipeline.schema(pipeline.resolveSource(pipeline.steps().split().source())).names());
            List<PipelineDefinition.Join> joins = train.dataset().joins();
            for (PipelineDefinition.Join join : joins == null ? List.<PipelineDefinition.Join>of() : joins) {
                pipeline.schema(join.source()).columns().stream().map(ColumnSpec::name)
                        .filter(n -> !join.key().contains(n) && !columns.contains(n)).forEach(columns::add);
            }
        }
        Map<String, InputField> fields = new LinkedHashMap<>();
        for (String column : columns) {
            // A column the dataset computes and no source declares is a count of ads or events.
            ColumnType type = declared.getOrDefault(column, ColumnType.INTEGER);
            Double[] range = range(pipeline, column, declared.containsKey(column));
            fields.put(column, new InputField(column, type, read.contains(column), range[0], range[1]));
        }
        return new InputSchema(fields);
    }

    /** The range the cleaning rules give the column, so that the model never sees what training never did. */
    private static Double[] range(Pipeline pipeline, String column, boolean declared) {
        Double[] range = {declared ? null : 0.0, null};
        PipelineDefinition.Clean clean = pipeline.steps().clean();
        for (PipelineDefinition.CleanRule rule : clean == null || clean.rules() == null
                ? List.<PipelineDefinition.CleanRule>of() : clean.rules()) {
            if ("range".equals(rule.rule()) && rule.columns() != null && rule.columns().contains(column)) {
                range[0] = rule.min() != null ? rule.min() : range[0];
                range[1] = rule.max() != null ? rule.max() : range[1];
            }
        }
        return range;
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
