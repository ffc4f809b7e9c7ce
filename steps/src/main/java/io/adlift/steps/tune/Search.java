package io.adlift.steps.tune;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A hyper-parameter search: trials proposed by a sampler from the space, each scored by an objective
 * (a loss, lower is better), until the trial budget is spent or the time budget has run out. A trial
 * whose loss is not a number failed (XGBoost refused its parameters); samplers learn only from
 * finished trials. An empty space has a single trial, of the defaults.
 *
 * @param maxTrials  at most this many trials
 * @param timeBudget no trial starts once this much time has passed (null: no limit); the first always runs
 */
public record Search(Sampler sampler, List<Parameter> space, int maxTrials, Duration timeBudget) {

    public Search {
        Objects.requireNonNull(sampler, "sampler");
        space = List.copyOf(space);
        if (maxTrials < 1) {
            throw new IllegalArgumentException("a search needs at least 1 trial, got " + maxTrials);
        }
        if (space.isEmpty()) {
            maxTrials = 1;
        }
    }

    /** Told of each trial as it finishes. */
    @FunctionalInterface
    public interface TrialListener {
        TrialListener NONE = trial -> { };

        void finished(Trial trial);
    }

    /** The trials, in the order they ran. */
    public List<Trial> run(ToDoubleFunction<Map<String, String>> objective, TrialListener listener) {
        long start = System.nanoTime();
        List<Trial> trials = new ArrayList<>();
        while (trials.size() < maxTrials && (trials.isEmpty() || !outOfTime(start))) {
            Map<String, String> params = sampler.next(space, trials);
            Trial trial = new Trial(trials.size() + 1, params, objective.applyAsDouble(params));
            trials.add(trial);
            listener.finished(trial);
        }
        return trials;
    }

    private boolean outOfTime(long start) {
        return timeBudget != null && System.nanoTime() - start >= timeBudget.toNanos();
    }

    /** The finished trial with the lowest loss (the earliest among equals), if any finished. */
    public static java.util.Optional<Trial> best(List<Trial> trials) {
        return trials.stream().filter(t -> Double.isFinite(t.loss()))
                .min(java.util.Comparator.comparingDouble(Trial::loss).thenComparingInt(Trial::number));
    }
}
