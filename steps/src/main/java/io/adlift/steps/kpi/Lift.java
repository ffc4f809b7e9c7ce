package io.adlift.steps.kpi;

/**
 * The incremental effect of an exposure measured against a randomised control group.
 *
 * <p>Per unit (user, customer), the exposed mean minus the control mean is what exposure added; times
 * the exposed units it is the incremental total (revenue, conversions). Lift is the relative
 * difference, exposed mean / control mean − 1, with a 95 % confidence interval by the delta method on
 * the ratio of two independent means. The seed divided a per-user difference by a total payout, which
 * mixes units; here the incremental total is in the outcome's units, so incremental total / cost is a
 * true incremental ROAS.
 *
 * @param lift   relative lift; null when the control mean is zero
 * @param ciLow  lower 95 % bound of {@code lift}; null when it cannot be estimated
 * @param ciHigh upper 95 % bound of {@code lift}
 */
public record Lift(double exposedMean, double controlMean, double perUnitDifference, double incrementalTotal,
        Double lift, Double ciLow, Double ciHigh) {

    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z_95 = 1.959963984540054;

    public static Lift of(GroupOutcome exposed, GroupOutcome control) {
        if (exposed.units() == 0 || control.units() == 0) {
            throw new IllegalArgumentException("lift needs units in both groups, got " + exposed.units() + " exposed and "
                    + control.units() + " control");
        }
        double e = exposed.mean();
        double c = control.mean();
        double difference = e - c;
        if (c == 0) {
            return new Lift(e, c, difference, difference * exposed.units(), null, null, null);
        }
        double ratio = e / c;
        Double low = null;
        Double high = null;
        double relativeVariance = (e == 0 ? 0 : exposed.variance() / (exposed.units() * e * e))
                + control.variance() / (control.units() * c * c);
        if (Double.isFinite(relativeVariance)) {
            double se = Math.abs(ratio) * Math.sqrt(relativeVariance);
            low = ratio - 1 - Z_95 * se;
            high = ratio - 1 + Z_95 * se;
        }
        return new Lift(e, c, difference, difference * exposed.units(), ratio - 1, low, high);
    }

    /** Incremental total per unit of cost (iROAS when the outcome is revenue); null without cost. */
    public Double perCost(double cost) {
        return cost > 0 ? incrementalTotal / cost : null;
    }
}
