package io.adlift.steps.train;

/** A way of turning features and labels into a model; looked up by {@link #name()}. */
public interface Trainer {

    String name();

    /** The caller owns the returned model and must close it. */
    TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec, TrainingListener listener);

    /**
     * {@link #train(FeatureMatrix, float[], ModelSpec, TrainingListener)}, also measuring {@code validation} after each
     * round where the trainer can ({@link TrainedModel#validationCurve()}); the rows are only watched, never trained on,
     * and change neither the rounds nor the model. A trainer that cannot watch trains as without them.
     */
    default TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec, TrainingListener listener,
            FeatureMatrix validation, float[] validationLabels) {
        return train(features, labels, spec, listener);
    }

    default TrainedModel train(FeatureMatrix features, float[] labels, ModelSpec spec) {
        return train(features, labels, spec, TrainingListener.NONE);
    }

    /**
     * Fits on {@code features} and predicts {@code heldOut}, stopping early when {@code stopping} says
     * so (null: never). Cross-validation and tuning use it; the model itself is not kept.
     */
    default HeldOutFit fitHeldOut(FeatureMatrix features, float[] labels, FeatureMatrix heldOut, float[] heldOutLabels,
            ModelSpec spec, EarlyStopping stopping) {
        try (TrainedModel model = train(features, labels, spec)) {
            return new HeldOutFit(spec.rounds(), model.predict(heldOut));
        }
    }

    /** Whether the features should be standardised (on the training rows) before this trainer sees them. */
    default boolean wantsStandardizedFeatures() {
        return false;
    }
}
