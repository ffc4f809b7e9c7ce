package io.adlift.steps.deploy;

import io.adlift.steps.ingest.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a deployed model's Python {@code python_function} flavour takes and answers: raw records of the
 * pipeline (the columns of its CSV files, as {@code pandas.read_csv} reads them), the task and threshold that
 * turn outputs into answers, and the answers the dataset knows without the model.
 *
 * @param columns      the record's columns in order, each with the MLflow type a {@code read_csv} frame holds
 * @param task         {@code regression} or {@code classification}
 * @param threshold    a classifier's class threshold on the probability
 * @param knownAnswers rules applied before the model, as the server applies them
 * @param example      a few raw records (column name to value), for the model's input example
 * @param interval     a regression model's split-conformal interval, as evaluate calibrated it; null for a
 *                     classifier (or a model evaluated before intervals existed)
 */
public record RawInputs(List<Column> columns, String task, double threshold, List<KnownAnswer> knownAnswers,
        List<Map<String, Object>> example, io.adlift.steps.evaluate.ConformalInterval interval) {

    /**
     * One column: {@code type} is MLflow's column type ({@code long}, {@code double}, {@code string},
     * {@code boolean}); {@code kind} is how Adlift types it ({@link ColumnType}'s name), which the loader
     * follows to read values exactly as the server does; {@code required} when a feature reads it. Its domain
     * as the training data has it: {@code categories}, the values seen, in order of frequency, for a categorical
     * column (null for another, or for one of more than {@value #MAX_CATEGORIES} values); {@code min} and
     * {@code max} of a numeric column; {@code defaultValue}, what a form starts with: the most frequent category
     * or the median. All null for models deployed before domains were recorded.
     */
    public record Column(String name, String type, String kind, boolean required, List<String> categories, Double min,
            Double max, Object defaultValue) {

        public Column(String name, String type, String kind, boolean required) {
            this(name, type, kind, required, null, null, null, null);
        }
    }

    /**
     * A declared column of the record, before its MLflow type is known; {@code categorical} when its values are
     * categories (read by a one-hot feature, or text), whose unseen values the model cannot place.
     */
    public record Field(String name, ColumnType type, boolean required, boolean categorical) {

        public Field(String name, ColumnType type, boolean required) {
            this(name, type, required, type == ColumnType.STRING);
        }
    }

    /** More distinct values than this and a column is free text, not a list to choose from. */
    public static final int MAX_CATEGORIES = 500;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public RawInputs {
        columns = List.copyOf(columns);
        knownAnswers = List.copyOf(knownAnswers);
        example = List.copyOf(example);
    }

    /**
     * These inputs with the model's interval; an unbounded one (too few held-out rows for its coverage)
     * says nothing about a prediction, so the model is then served without one.
     */
    public RawInputs withInterval(io.adlift.steps.evaluate.ConformalInterval interval) {
        boolean bounded = interval != null && Double.isFinite(interval.halfWidth());
        return new RawInputs(columns, task, threshold, knownAnswers, example, bounded ? interval : null);
    }

    /**
     * The raw inputs of records with {@code fields}, each column's MLflow type chosen as {@code pandas.read_csv}
     * would read the values in {@code rows}: whole numbers without a gap are {@code long} (a decimal column too,
     * when every value is whole: pandas reads those as integers), other numbers and whole numbers with missing
     * values (which pandas reads as floats) {@code double}, dates and other text {@code string}. This is what
     * {@code mlflow.models.infer_signature} would say of the training rows as {@code read_csv} gives them.
     */
    public static RawInputs of(List<Field> fields, Iterable<? extends Function<String, Object>> rows, String task,
            double threshold, List<KnownAnswer> knownAnswers, int exampleRows) {
        int n = fields.size();
        boolean[] missing = new boolean[n];
        boolean[] integers = new boolean[n];
        boolean[] numbers = new boolean[n];
        java.util.Arrays.fill(integers, true);
        java.util.Arrays.fill(numbers, true);
        List<Domain> domains = new ArrayList<>(n);
        fields.forEach(f -> domains.add(new Domain(f)));
        List<Map<String, Object>> example = new ArrayList<>();
        for (Function<String, Object> row : rows) {
            Map<String, Object> record = example.size() < exampleRows ? new LinkedHashMap<>() : null;
            for (int i = 0; i < n; i++) {
                Object value = row.apply(fields.get(i).name());
                domains.get(i).add(value);
                if (value == null) {
                    missing[i] = true;
                } else {
                    String text = value.toString();
                    integers[i] &= value instanceof Number number ? whole(number) : INTEGER.matcher(text).matches();
                    numbers[i] &= value instanceof Number || NUMBER.matcher(text).matches();
                }
                if (record != null) {
                    record.put(fields.get(i).name(), json(value));
                }
            }
            if (record != null) {
                example.add(record);
            }
        }
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            Domain d = domains.get(i);
            columns.add(new Column(f.name(), mlflowType(f.type(), missing[i], integers[i], numbers[i]), f.type().name(),
                    f.required(), d.categories(), d.min(), d.max(), d.defaultValue()));
        }
        for (Map<String, Object> record : example) {
            columns.forEach(c -> record.computeIfPresent(c.name(), (k, v) -> as(c.type(), v)));
        }
        return new RawInputs(columns, task, threshold, knownAnswers, example, null);
    }

    /** The values one column takes in the training rows: its categories, or its numbers' range and median. */
    private static final class Domain {

        private final Field field;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<Double> numbers = new ArrayList<>();
        private boolean tooMany;

        Domain(Field field) {
            this.field = field;
        }

        void add(Object value) {
            if (value == null) {
                return;
            }
            if (field.categorical() && !tooMany) {
                counts.merge(categoryText(value), 1L, Long::sum);
                tooMany = counts.size() > MAX_CATEGORIES;
            }
            if (value instanceof Number number && (field.type() == ColumnType.INTEGER || field.type() == ColumnType.DECIMAL)) {
                numbers.add(number.doubleValue());
            }
        }

        /** By frequency, most frequent first; ties in text order. */
        List<String> categories() {
            if (!field.categorical() || tooMany || counts.isEmpty()) {
                return null;
            }
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        }

        Double min() {
            return numbers.stream().min(Double::compare).orElse(null);
        }

        Double max() {
            return numbers.stream().max(Double::compare).orElse(null);
        }

        Object defaultValue() {
            List<String> categories = categories();
            if (categories != null) {
                return categories.get(0);
            }
            if (numbers.isEmpty()) {
                return null;
            }
            double[] sorted = numbers.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted[(sorted.length - 1) / 2];
            return field.type() == ColumnType.INTEGER ? (Object) Math.round(median) : median;
        }
    }

    /** A category as the text a record gives it: whole numbers without a decimal point ("916", not "916.0"). */
    public static String categoryText(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return value.toString();
    }

    /** An example value as a {@code read_csv} frame of that column type holds it. */
    private static Object as(String type, Object value) {
        return switch (type) {
            case "long" -> value instanceof Number n ? (Object) n.longValue() : Long.parseLong(value.toString());
            case "double" -> value instanceof Number n ? (Object) n.doubleValue() : Double.parseDouble(value.toString());
            default -> value;
        };
    }

    private static String mlflowType(ColumnType type, boolean missing, boolean integers, boolean numbers) {
        return switch (type) {
            case INTEGER -> missing ? "double" : "long";
            // a decimal column written as whole numbers is read by pandas as int64, which MLflow will not
            // take for a double; like mlflow.models.infer_signature, the training data decides
            case DECIMAL -> integers && !missing ? "long" : "double";
            case BOOLEAN -> "boolean";
            case DATE, TIMESTAMP -> "string";
            case STRING -> integers && !missing ? "long" : numbers ? "double" : "string";
        };
    }

    private static boolean whole(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return true;
        }
        if (n instanceof java.math.BigDecimal d) {
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15;
    }

    /** A value as the input example's JSON holds it: numbers and text as they are, dates as ISO text. */
    private static Object json(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value instanceof java.math.BigDecimal d ? d.doubleValue() : value;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString().replace('T', ' ');
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value.toString().replace('T', ' ');
    }
}
