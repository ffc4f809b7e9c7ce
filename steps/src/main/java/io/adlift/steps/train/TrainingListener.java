package io.adlift.steps.train;

/** Told after each boosting round, for progress displays; must be quick. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores every round. */
    TrainingListener NONE = (round, rounds, metric) -> { };

    /**
     * @param round  the rounds done so far, 1 to {@code rounds}
     * @param metric the training metric after this round
     */
    void onRound(int round, int rounds, double metric);
}
