package io.adlift.steps.evaluate;

import java.util.List;
import java.util.Locale;

/**
 * The gate's relative part: a new model may not be worse than the deployed champion, scored on the
 * same test rows, by more than {@code margin} (in the metric's own units) on {@code metric}.
 */
public record ChampionComparison(String metric, double margin) {

    public ChampionComparison {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("the champion margin must be 0 or more, got " + margin);
        }
    }

    public GateDecision decide(double challenger, double champion, int championVersion) {
        boolean higher = MetricDirection.higherIsBetter(metric);
        double worseBy = higher ? champion - challenger : challenger - champion;
        boolean passed = Double.isFinite(challenger) && (!Double.isFinite(champion) || worseBy <= margin);
        String comparison = String.format(Locale.ROOT, "%s = %.4f against the champion (version %d) %.4f on the same "
                + "test rows", metric, challenger, championVersion, champion);
        String verdict = passed
                ? (worseBy <= 0 ? "; not worse" : String.format(Locale.ROOT, "; worse by %.4f, within the margin %.4f",
                        worseBy, margin))
                : String.format(Locale.ROOT, "; worse by %.4f, more than the margin %.4f", worseBy, margin);
        return new GateDecision(passed, List.of(comparison + verdict));
    }
}
