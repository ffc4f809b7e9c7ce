package io.adlift.pipeline.bench;

import io.adlift.steps.train.EarlyStopping;
import io.adlift.steps.train.FeatureMatrix;
import io.adlift.steps.train.HeldOutFit;
import io.adlift.steps.train.ModelSpec;
import io.adlift.steps.train.TrainedModel;
import io.adlift.steps.train.Trainer;
import io.adlift.steps.train.TrainingListener;
import io.adlift.steps.train.XgboostFloor;
import io.adlift.steps.train.XgboostTrainer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trainer that, on its first call, trains as usual and then XGBoost alone on the same input
 * ({@link XgboostFloor}), and logs how long each took. Later calls (cross-validation folds) are not
 * measured: the floor is the train step's. The benchmark reads the log line and subtracts the floor's
 * seconds from the train step's, since both ran inside it.
 */
final class FloorMeasuringTrainer implements Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(FloorMeasuringTrainer.class);

    private final XgboostTrainer delegate;
    private final AtomicBoolean measured = new AtomicBoolean();

    FloorMeasuringTrainer(XgboostTrainer delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec, TrainingListener listener) {
        if (measured.getAndSet(true)) {
            return delegate.train(features, labels, spec, listener);
        }
        long start = System.nanoTime();
        TrainedModel model = delegate.train(features, labels, spec, listener);
        double trainer = (System.nanoTime() - start) / 1e9;
        // The floor goes second, so that any warming up (OpenMP threads, page faults) is the trainer's to pay.
        double floor = delegate.floorSeconds(features, labels, spec);
        LOG.info("bench: xgboost-floor-seconds={} trainer-seconds={} rows={} features={}", String.format("%.3f", floor),
                String.format("%.3f", trainer), features.rows(), features.columns());
        return model;
    }

    @Override
    public HeldOutFit fitHeldOut(FeatureMatrix features, float[] labels, FeatureMatrix heldOut, float[] heldOutLabels,
            ModelSpec spec, EarlyStopping stopping) {
        return delegate.fitHeldOut(features, labels, heldOut, heldOutLabels, spec, stopping);
    }

    @Override
    public boolean wantsStandardizedFeatures() {
        return delegate.wantsStandardizedFeatures();
    }
}
