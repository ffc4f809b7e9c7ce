package io.adlift.steps.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A fitted feature encoding: the declared features plus what was learnt from training rows (the
 * categories of each one-hot feature). It turns a row, given as a column-name lookup, into the
 * model's float vector; serialisable as it stands, so serving encodes exactly as training did.
 *
 * @param categories for each one-hot feature's name, its categories in feature order
 * @param bucketEdges for each bucket feature's name, the training quantiles that separate its buckets
 * @param selected   the feature names kept by a selection fitted on training rows, in vector order;
 *                   null when every feature is kept
 * @param means      with {@code stds}, a standardisation fitted on training rows, per output feature in
 *                   vector order: each value becomes (value − mean) / std; null when values are kept as they are
 */
public record FeatureEncoding(List<FeatureSpec> features, Map<String, List<String>> categories, List<String> selected,
        double[] means, double[] stds, Map<String, double[]> bucketEdges) {

    /** Deciles: the number of buckets a bucket feature has at most. */
    static final int BUCKETS = 10;

    public FeatureEncoding {
        features = List.copyOf(features);
        categories = Map.copyOf(categories);
        // encodings written before bucket features existed have none
        bucketEdges = bucketEdges == null ? Map.of() : Map.copyOf(bucketEdges);
        selected = selected == null ? null : List.copyOf(selected);
        if ((means == null) != (stds == null)) {
            throw new IllegalArgumentException("a standardisation needs both means and standard deviations");
        }
    }

    public FeatureEncoding(List<FeatureSpec> features, Map<String, List<String>> categories, List<String> selected) {
        this(features, categories, selected, null, null, Map.of());
    }

    /**
     * This encoding, standardising each output feature by the mean and standard deviation it has in
     * {@code training} (encoded by this encoding); missing values are left out of both and stay missing. A
     * constant feature is only centred. Linear models want it; trees do not care.
     */
    public FeatureEncoding standardize(io.adlift.steps.train.FeatureMatrix training) {
        int columns = training.columns();
        double[] mean = new double[columns];
        double[] std = new double[columns];
        float[] v = training.values();
        for (int c = 0; c < columns; c++) {
            long n = 0;
            double sum = 0;
            double squares = 0;
            for (int r = 0; r < training.rows(); r++) {
                float x = v[r * columns + c];
                if (!Float.isNaN(x)) {
                    n++;
                    sum += x;
                    squares += (double) x * x;
                }
            }
            mean[c] = n == 0 ? 0 : sum / n;
            double variance = n == 0 ? 0 : Math.max(0, squares / n - mean[c] * mean[c]);
            std[c] = variance > 0 ? Math.sqrt(variance) : 1;
        }
        return new FeatureEncoding(features, categories, selected, mean, std, bucketEdges);
    }

    /** The matrix of {@code rows}, one encoded row each, in order. */
    public io.adlift.steps.train.FeatureMatrix matrix(List<? extends Function<String, Object>> rows) {
        int columns = names().size();
        float[] values = new float[rows.size() * columns];
        int offset = 0;
        for (Function<String, Object> row : rows) {
            offset = encode(row, values, offset);
        }
        return new io.adlift.steps.train.FeatureMatrix(names(), rows.size(), values);
    }

    /** This encoding keeping only {@code names} of its features. */
    public FeatureEncoding select(List<String> names) {
        List<String> all = allNames();
        List<String> unknown = names.stream().filter(n -> !all.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot select unknown features " + unknown + "; features: " + all);
        }
        if (means != null) {
            throw new IllegalStateException("select features before standardising them");
        }
        return new FeatureEncoding(features, categories, all.stream().filter(names::contains).toList(), null, null,
                bucketEdges);
    }

    /** Fits the encoding on training rows only; the rows are read once. */
    public static FeatureEncoding fit(List<FeatureSpec> features, Iterable<? extends Function<String, Object>> trainingRows) {
        Map<String, TreeSet<String>> seen = new java.util.LinkedHashMap<>();
        Map<String, Quantiles> bucketed = new java.util.LinkedHashMap<>();
        features.stream().filter(f -> f.kind() == FeatureKind.ONE_HOT).forEach(f -> seen.put(f.name(), new TreeSet<>()));
        features.stream().filter(f -> f.kind() == FeatureKind.BUCKET).forEach(f -> bucketed.put(f.name(), new Quantiles()));
        if (!seen.isEmpty() || !bucketed.isEmpty()) {
            for (Function<String, Object> row : trainingRows) {
                for (FeatureSpec f : features) {
                    if (f.kind() == FeatureKind.ONE_HOT) {
                        Object value = row.apply(f.columns().get(0));
                        if (value != null) {
                            seen.get(f.name()).add(String.valueOf(value));
                        }
                    } else if (f.kind() == FeatureKind.BUCKET) {
                        bucketed.get(f.name()).add(number(row.apply(f.columns().get(0))));
                    }
                }
            }
        }
        Map<String, List<String>> categories = new java.util.LinkedHashMap<>();
        seen.forEach((name, values) -> categories.put(name, List.copyOf(values)));
        Map<String, double[]> edges = new java.util.LinkedHashMap<>();
        bucketed.forEach((name, values) -> edges.put(name, values.edges(BUCKETS)));
        return new FeatureEncoding(features, categories, null, null, null, edges);
    }

    /** A column's non-missing training values, for the edges between its buckets. */
    private static final class Quantiles {
        private double[] values = new double[1024];
        private int size;

        void add(double value) {
            if (Double.isNaN(value)) {
                return;
            }
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** The distinct 1/k, 2/k, … (k−1)/k quantiles, ascending. */
        double[] edges(int k) {
            double[] sorted = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(sorted);
            return java.util.stream.IntStream.range(1, k).filter(q -> sorted.length > 0)
                    .mapToDouble(q -> sorted[Math.min(sorted.length - 1, (int) Math.floor((double) q * sorted.length / k))])
                    .distinct().toArray();
        }
    }

    /** The model's feature names, in vector order. */
    public List<String> names() {
        return selected == null ? allNames() : selected;
    }

    private List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (FeatureSpec f : features) {
            if (f.kind() == FeatureKind.ONE_HOT) {
                categories.get(f.name()).forEach(c -> names.add(f.name() + "=" + ascii(c)));
            } else {
                names.add(f.name());
            }
        }
        return names;
    }

    /**
     * A category as it appears in a feature name: XGBoost4J cuts feature names short by a byte per
     * non-ASCII character, and Python's xgboost refuses '[', ']' and '<', so those are written as
     * a backslash, u and four hex digits.
     */
    static String ascii(String category) {
        StringBuilder out = new StringBuilder(category.length());
        category.chars().forEach(ch -> {
            if (ch < 0x20 || ch > 0x7e || ch == '[' || ch == ']' || ch == '<') {
                out.append(String.format("\\u%04x", ch));
            } else {
                out.append((char) ch);
            }
        });
        return out.toString();
    }

    /** Writes the row's features into {@code out} from {@code offset}; returns the next offset. */
    public int encode(Function<String, Object> row, float[] out, int offset) {
        int end = encodeSelected(row, out, offset);
        if (means != null) {
            for (int i = offset; i < end; i++) {
                out[i] = (float) ((out[i] - means[i - offset]) / stds[i - offset]);
            }
        }
        return end;
    }

    private int encodeSelected(Function<String, Object> row, float[] out, int offset) {
        if (selected == null) {
            return encodeAll(row, out, offset);
        }
        List<String> all = allNames();
        float[] full = new float[all.size()];
        encodeAll(row, full, 0);
        int i = offset;
        for (int c = 0; c < full.length; c++) {
            if (selected.contains(all.get(c))) {
                out[i++] = full[c];
            }
        }
        return i;
    }

    private int encodeAll(Function<String, Object> row, float[] out, int offset) {
        int i = offset;
        for (FeatureSpec f : features) {
            List<String> cols = f.columns();
            switch (f.kind()) {
                case NUMERIC -> out[i++] = (float) number(row.apply(cols.get(0)));
                case LOG1P -> {
                    double x = number(row.apply(cols.get(0)));
                    out[i++] = x >= 0 ? (float) Math.log1p(x) : Float.NaN;
                }
                case RATIO -> {
                    double den = number(row.apply(cols.get(1)));
                    out[i++] = den == 0 ? Float.NaN : (float) (number(row.apply(cols.get(0))) / den);
                }
                case PRODUCT -> {
                    double product = 1;
                    for (String c : cols) {
                        product *= number(row.apply(c));
                    }
                    out[i++] = (float) product;
                }
                case HOUR, WEEKDAY, MONTH -> out[i++] = DateParts.of(f.kind(), row.apply(cols.get(0)));
                case BUCKET -> out[i++] = bucket(bucketEdges.get(f.name()), number(row.apply(cols.get(0))));
                case ONE_HOT -> {
                    Object value = row.apply(cols.get(0));
                    List<String> cats = categories.get(f.name());
                    int hit = value == null ? -1 : cats.indexOf(String.valueOf(value));
                    for (int c = 0; c < cats.size(); c++) {
                        out[i++] = c == hit ? 1f : 0f;
                    }
                }
            }
        }
        return i;
    }

    /** How many edges lie at or below {@code value}: values beyond the training range land in the end buckets. */
    private static float bucket(double[] edges, double value) {
        if (Double.isNaN(value)) {
            return Float.NaN;
        }
        int bucket = 0;
        while (bucket < edges.length && edges[bucket] <= value) {
            bucket++;
        }
        return bucket;
    }

    /** The row's feature vector. */
    public float[] encode(Function<String, Object> row) {
        float[] out = new float[names().size()];
        encode(row, out, 0);
        return out;
    }

    private static double number(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("a numeric feature cannot use the value '" + value + "' ("
                + value.getClass().getSimpleName() + "); declare the column as one-hot instead");
    }
}
