package io.adlift.steps.train;

/**
 * A model fitted on some rows and scored on held-out ones: how many rounds it kept (the best round,
 * when it stopped early) and its predictions of the held-out rows at that round.
 */
public record HeldOutFit(int rounds, float[] predictions) {

    public HeldOutFit {
        predictions = predictions.clone();
    }

    @Override
    public float[] predictions() {
        return predictions.clone();
    }
}
