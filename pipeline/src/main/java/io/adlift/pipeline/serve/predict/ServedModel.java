package io.adlift.pipeline.serve.predict;

import io.adlift.steps.deploy.RawInputs;
import io.adlift.steps.features.FeatureEncoding;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.TrainedModel;
import java.util.List;
import java.util.Optional;

/**
 * A deployed model version loaded for serving: its booster and the feature encoding fitted at training,
 * as deployed beside it, the raw columns' domain seen in training, and a regression model's conformal
 * interval. Closed when a newer champion replaces it; a request that still holds it then gets nothing and
 * asks for the current one.
 */
final class ServedModel implements AutoCloseable {

    private final String name;
    private final int version;
    private final String path;
    private final FeatureEncoding encoding;
    private final TrainedModel model;
    private final Double intervalHalfWidth;
    private final List<RawInputs.Column> columns;
    private boolean closed;

    ServedModel(String name, int version, String path, FeatureEncoding encoding, TrainedModel model,
            Double intervalHalfWidth, List<RawInputs.Column> columns) {
        this.name = name;
        this.version = version;
        this.path = path;
        this.encoding = encoding;
        this.model = model;
        this.intervalHalfWidth = intervalHalfWidth;
        this.columns = List.copyOf(columns);
    }

    /** A regression model's split-conformal half-width (prediction ± it), or null when it has none. */
    Double intervalHalfWidth() {
        return intervalHalfWidth;
    }

    /** The raw columns the model was trained on, with the categories and ranges its training data had. */
    List<RawInputs.Column> columns() {
        return columns;
    }

    String name() {
        return name;
    }

    int version() {
        return version;
    }

    String path() {
        return path;
    }

    FeatureEncoding encoding() {
        return encoding;
    }

    /** The model's outputs for {@code x}, or empty once this version has been replaced and closed. */
    synchronized Optional<float[]> predict(FeatureMatrix x) {
        return closed ? Optional.empty() : Optional.of(model.predict(x));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }
}
