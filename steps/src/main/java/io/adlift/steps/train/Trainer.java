package io.adlift.steps.train;

/** A way of turning features and labels into a model; looked up by {@link #name()}. */
public interface Trainer {

    String name();

    /** The caller owns the returned model and must close it. */
    TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec, TrainingListener listener);

    default TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec) {
        return train(features, labels, spec, TrainingListener.NONE);
    }
}
