package io.adlift.steps.kpi;

/**
 * An outcome summed over the units of one experiment group (users, customers): enough to give its
 * mean and sample variance without holding the units.
 *
 * @param units        how many units the group has, those with a zero outcome included
 * @param sum          the sum of the outcome over the units
 * @param sumOfSquares the sum of the squared outcome
 */
public record GroupOutcome(long units, double sum, double sumOfSquares) {

    public double mean() {
        return units == 0 ? Double.NaN : sum / units;
    }

    /** The sample variance (n − 1 in the denominator). */
    public double variance() {
        if (units < 2) {
            return Double.NaN;
        }
        double mean = mean();
        return Math.max(0, (sumOfSquares - units * mean * mean) / (units - 1));
    }
}
