package io.adlift.steps.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost booster with the ordered feature names it expects. Holds native memory: close
 * it when done.
 */
public final class TrainedModel implements AutoCloseable {

    // Saved as booster attributes, so that the JSON file alone carries them back on load.
    static final String EVAL_METRIC_ATTR = "adlift_eval_metric";
    static final String CURVE_ATTR = "adlift_training_curve";
    private static final String JSON_SUFFIX = ".json";

    private final Booster booster;
    private final List<String> featureNames;
    private final String evalMetricName;
    private final List<Double> trainingCurve;
    private final List<Double> validationCurve;
    private boolean closed;

    TrainedModel(Booster booster, List<String> featureNames, String evalMetricName,
            List<Double> trainingCurve) {
        this(booster, featureNames, evalMetricName, trainingCurve, List.of());
    }

    TrainedModel(Booster booster, List<String> featureNames, String evalMetricName,
            List<Double> trainingCurve, List<Double> validationCurve) {
        this.booster = Objects.requireNonNull(booster, "booster");
        this.featureNames = List.copyOf(featureNames);
        this.evalMetricName = Objects.requireNonNull(evalMetricName, "evalMetricName");
        this.trainingCurve = List.copyOf(trainingCurve);
        this.validationCurve = List.copyOf(validationCurve);
    }

    /**
     * The same metric on the watched validation rows after each round, as trained (not kept in the saved model);
     * empty when none were watched.
     */
    public List<Double> validationCurve() {
        return validationCurve;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** The name of the metric in {@link #trainingCurve()}, such as {@code rmse}; empty if unknown. */
    public String evalMetricName() {
        return evalMetricName;
    }

    /** The training-set metric after each boosting round; empty for a model saved without one. */
    public List<Double> trainingCurve() {
        return trainingCurve;
    }

    /**
     * One prediction per row; objectives with several outputs per row (multi-class
     * probabilities) give them row after row.
     */
    public float[] predict(FeatureMatrix x) {
        Objects.requireNonNull(x, "feature matrix must not be null");
        requireOpen();
        if (!x.featureNames().equals(featureNames)) {
            throw new IllegalArgumentException("the model expects features " + featureNames
                    + " in this order but was given " + x.featureNames());
        }
        if (x.rows() == 0) {
            return new float[0];
        }
        DMatrix matrix = null;
        try {
            matrix = DenseMatrices.of(x);
            return flatten(booster.predict(matrix));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not predict " + x.rows() + " rows: "
                    + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /**
     * Each feature's total gain over the trees' splits on it (0 for a feature no split uses), in feature
     * order; a linear booster has no splits and gives zeros.
     */
    public double[] gainImportance() {
        requireOpen();
        double[] gain = new double[featureNames.size()];
        try {
            Map<String, Double> scores = booster.getScore(featureNames.toArray(String[]::new), "total_gain");
            for (int i = 0; i < gain.length; i++) {
                gain[i] = scores.getOrDefault(featureNames.get(i), 0.0);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score feature importance: " + e.getMessage(), e);
        }
        return gain;
    }

    /**
     * SHAP values: each feature's contribution to each row's prediction (in margin units), row-major,
     * with a last column per row for the bias; XGBoost's {@code predictContrib}.
     */
    public float[][] contributions(FeatureMatrix x) {
        Objects.requireNonNull(x, "feature matrix must not be null");
        requireOpen();
        DMatrix matrix = null;
        try {
            matrix = DenseMatrices.of(x);
            return booster.predictContrib(matrix, 0);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not explain " + x.rows() + " rows: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /**
     * Writes XGBoost's JSON model format, which Python's {@code xgboost.Booster(model_file=...)}
     * reads. The file name must end in {@code .json}: XGBoost picks the format from the
     * extension and writes UBJSON for any other.
     */
    public void saveJson(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        requireOpen();
        requireJsonName(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            booster.setAttr(EVAL_METRIC_ATTR, evalMetricName);
            booster.setAttr(CURVE_ATTR, trainingCurve.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
            booster.saveModel(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder for model file " + file, e);
        } catch (XGBoostError e) {
            throw new UncheckedIOException(new IOException("XGBoost could not save the model to "
                    + file + ": " + e.getMessage(), e));
        }
    }

    /**
     * Loads a model saved by {@link #saveJson(Path)} (or by Python's xgboost in JSON). The feature
     * names are the ones the model was trained on, in order; they are checked against the names
     * stored in the file when it has any.
     */
    public static TrainedModel loadJson(Path file, List<String> featureNames) {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(featureNames, "featureNames must not be null");
        requireJsonName(file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model file at " + file.toAbsolutePath());
        }
        Booster booster;
        try {
            booster = XGBoost.loadModel(file.toString());
        } catch (XGBoostError e) {
            throw new UncheckedIOException(new IOException("XGBoost could not load the model in "
                    + file + ": " + e.getMessage(), e));
        }
        try {
            requireSameFeatures(booster, file, featureNames);
            String metric = Objects.requireNonNullElse(booster.getAttr(EVAL_METRIC_ATTR), "");
            return new TrainedModel(booster, featureNames, metric,
                    parseCurve(booster.getAttr(CURVE_ATTR)));
        } catch (XGBoostError e) {
            booster.dispose();
            throw new UncheckedIOException(new IOException("XGBoost could not read the model in "
                    + file + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            booster.dispose();
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            booster.dispose();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model has been closed");
        }
    }

    private static void requireJsonName(Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(JSON_SUFFIX)) {
            throw new IllegalArgumentException("model file name must end in " + JSON_SUFFIX
                    + " (XGBoost's JSON format; other names mean UBJSON), was " + file);
        }
    }

    private static void requireSameFeatures(Booster booster, Path file, List<String> expected)
            throws XGBoostError {
        String[] stored = booster.getFeatureNames();
        if (stored != null && stored.length > 0) {
            if (!Arrays.asList(stored).equals(expected)) {
                throw new IllegalArgumentException("model file " + file + " was trained on features "
                        + Arrays.asList(stored) + " but " + expected + " were given");
            }
        } else if (booster.getNumFeature() != expected.size()) {
            throw new IllegalArgumentException("model file " + file + " expects "
                    + booster.getNumFeature() + " features but " + expected.size()
                    + " names were given: " + expected);
        }
    }

    private static List<Double> parseCurve(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return List.of();
        }
        List<Double> curve = new ArrayList<>();
        for (String value : attribute.split(",")) {
            curve.add(Double.valueOf(value));
        }
        return curve;
    }

    static float[] flatten(float[][] perRow) {
        if (perRow.length == 0) {
            return new float[0];
        }
        int width = perRow[0].length;
        float[] flat = new float[perRow.length * width];
        for (int row = 0; row < perRow.length; row++) {
            System.arraycopy(perRow[row], 0, flat, row * width, width);
        }
        return flat;
    }
}
